import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Cancels someone's registration for them: the place goes to the first on the waiting list. */
export function useStaffCancelRegistration(eventId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (registrationId: string) =>
      (
        await unwrap(
          api.POST('/api/v1/events/{event_id}/registrations/{registration_id}/cancel', {
            params: { path: { event_id: eventId, registration_id: registrationId } },
          }),
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
