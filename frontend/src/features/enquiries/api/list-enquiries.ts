import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type EnquiriesFilter = NonNullable<Operations['enquiries:list']['parameters']['query']>

export const enquiriesQuery = (filter: EnquiriesFilter) =>
  queryOptions({
    queryKey: ['enquiries', 'list', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/enquiries', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
  })

/** The council's enquiries, newest first, a page at a time (staff). */
export function useEnquiries(filter: EnquiriesFilter) {
  return useQuery(enquiriesQuery(filter))
}
