import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Publishes a draft event (the hosting council's staff). */
export function usePublishEvent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (eventId: string) =>
      (await unwrap(api.POST('/api/v1/events/{event_id}/publish', { params: { path: { event_id: eventId } } }))).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
