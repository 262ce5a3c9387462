import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Checks a person in on the day: their registration becomes `attended`. */
export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (registrationId: string) =>
      (
        await unwrap(
          api.POST('/api/v1/events/{event_id}/check-ins', {
            params: { path: { event_id: eventId } },
            body: { registration_id: registrationId },
          }),
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
