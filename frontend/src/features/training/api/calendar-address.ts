import { useMutation } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** A new private calendar address for the signed-in person's bookings; the last one stops working. */
export function useNewCalendarAddress() {
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/carers/me/calendar-token'))).data,
  })
}
