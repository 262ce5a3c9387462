import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Marks people who did not come, once the event has started; `null` marks everyone still confirmed. */
export function useMarkNoShows(eventId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (registrationIds: string[] | null) =>
      (
        await unwrap(
          api.POST('/api/v1/events/{event_id}/no-shows', {
            params: { path: { event_id: eventId } },
            body: registrationIds === null ? {} : { registration_ids: registrationIds },
          }),
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
