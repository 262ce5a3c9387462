import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Books the signed-in carer or applicant on a session: a place, or the waiting list. */
export function useBookSession() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (sessionId: string) =>
      (
        await unwrap(
          api.POST('/api/v1/training/sessions/{session_id}/bookings', { params: { path: { session_id: sessionId } } }),
        )
      ).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}
