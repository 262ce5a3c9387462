import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The councils on this service, to choose co-hosts from (one page of 200: a region has a handful). */
export const councilOptionsQuery = () =>
  queryOptions({
    queryKey: ['councils', 'options'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/councils', { params: { query: { limit: 200 } } }))).data.items,
    staleTime: 10 * 60 * 1000,
  })

export function useCouncilOptions() {
  return useQuery(councilOptionsQuery())
}
