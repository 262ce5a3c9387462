import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Books the signed-in carer or applicant a place (or a place on the waiting list). */
export function useBookEvent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (eventId: string) =>
      (await unwrap(api.POST('/api/v1/events/{event_id}/bookings', { params: { path: { event_id: eventId } } }))).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}

/** Cancels the signed-in person's own booking; the place goes to the waiting list. */
export function useCancelOwnBooking() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (eventId: string) => {
      await unwrap(api.DELETE('/api/v1/events/{event_id}/bookings/me', { params: { path: { event_id: eventId } } }))
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
