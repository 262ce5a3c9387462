import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The council's next few public events, its own and those it co-hosts, for its home page. */
export const upcomingEventsQuery = (slug: string, limit = 3) =>
  queryOptions({
    queryKey: ['events', 'public', { council: slug, limit }],
    queryFn: async () => (await unwrap(api.GET('/api/v1/events', { params: { query: { council: slug, limit } } }))).data,
    staleTime: 60 * 1000,
  })

export function useUpcomingEvents(slug: string) {
  return useQuery(upcomingEventsQuery(slug))
}
