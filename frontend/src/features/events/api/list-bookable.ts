import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Events for the signed-in carer's or applicant's audience (not training), with their booking. */
export const bookableQuery = () =>
  queryOptions({
    queryKey: ['events', 'bookable'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/carers/me/events', { params: { query: { limit: 100 } } }))).data,
  })

export function useBookableEvents() {
  return useQuery(bookableQuery())
}
