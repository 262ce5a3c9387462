import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Cancels the signed-in person's booking; the place goes to the waiting list. */
export function useCancelBooking() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (sessionId: string) => {
      await unwrap(
        api.DELETE('/api/v1/training/sessions/{session_id}/bookings/me', { params: { path: { session_id: sessionId } } }),
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}
