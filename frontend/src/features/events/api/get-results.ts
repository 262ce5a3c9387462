import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** What an event achieved: registrations, attendance, enquiries and what followed, cost. */
export const resultsQuery = (eventId: string) =>
  queryOptions({
    queryKey: ['events', 'results', eventId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/events/{event_id}/results', { params: { path: { event_id: eventId } } }))).data,
  })

export function useEventResults(eventId: string) {
  return useQuery(resultsQuery(eventId))
}
