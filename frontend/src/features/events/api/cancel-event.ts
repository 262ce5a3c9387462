import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Cancels an event; everyone registered or waiting is emailed, with the reason (host's staff). */
export function useCancelEvent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ eventId, reason }: { eventId: string; reason: string | null }) =>
      (
        await unwrap(
          api.POST('/api/v1/events/{event_id}/cancel', { params: { path: { event_id: eventId } }, body: { reason } }),
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
