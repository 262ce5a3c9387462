import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/**
 * Undoes a check-in (`attended`) or a "did not come" (`no_show`) made by mistake: the
 * registration is `confirmed` again and keeps its place.
 */
export function useUndoAttendance(eventId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ registrationId, undo }: { registrationId: string; undo: 'attended' | 'no_show' }) => {
      const params = { path: { event_id: eventId, registration_id: registrationId } }
      return (
        await unwrap(
          undo === 'attended'
            ? api.DELETE('/api/v1/events/{event_id}/check-ins/{registration_id}', { params })
            : api.DELETE('/api/v1/events/{event_id}/no-shows/{registration_id}', { params }),
        )
      ).data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
