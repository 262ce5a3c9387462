import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type EventsFilter = NonNullable<Operations['events:list']['parameters']['query']>

export const eventsQuery = (filter: EventsFilter) =>
  queryOptions({
    queryKey: ['events', 'public', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/events', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  })

/** Published public events that have not ended, soonest first (public). */
export function useEvents(filter: EventsFilter) {
  return useQuery(eventsQuery(filter))
}
