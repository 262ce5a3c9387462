import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One event with seats_left; staff of its councils see drafts and the `staff` block. */
export const eventQuery = (eventId: string) =>
  queryOptions({
    queryKey: ['events', 'one', eventId],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/events/{event_id}', { params: { path: { event_id: eventId } } }))
      return { event: data, etag: response.headers.get('ETag') }
    },
  })

export function useEvent(eventId: string) {
  return useQuery(eventQuery(eventId))
}
