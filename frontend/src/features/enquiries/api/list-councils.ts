import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Every council on this deployment (public), to choose from when no council covers a postcode. */
export const enquiryCouncilsQuery = () =>
  queryOptions({
    queryKey: ['councils'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/councils', { params: { query: { limit: 200 } } }))).data.items,
    staleTime: 10 * 60 * 1000,
  })

export function useEnquiryCouncils(enabled = true) {
  return useQuery({ ...enquiryCouncilsQuery(), enabled })
}
