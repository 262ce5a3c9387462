import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Every council on this deployment (public). A region has a handful, so one page of 200. */
export const councilsQuery = () =>
  queryOptions({
    queryKey: ['councils'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/councils', { params: { query: { limit: 200 } } }))).data.items,
    staleTime: 10 * 60 * 1000,
  })

export function useCouncils() {
  return useQuery(councilsQuery())
}
