import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type EventPatch = Schemas['EventPatch']

/** Changes an event (the host's staff), guarded by the ETag its page was read with. */
export function useUpdateEvent(eventId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, etag }: { body: EventPatch; etag: string }) =>
      (
        await unwrap(
          api.PATCH('/api/v1/events/{event_id}', {
            params: { path: { event_id: eventId }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
