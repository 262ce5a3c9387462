import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type StallEnquiry = Schemas['StallEnquiry']

/** Records an enquiry taken at the event; a retry of the same body is the same enquiry. */
export function useRecordEnquiry(eventId: string) {
  const queryClient = useQueryClient()
  const last = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: async (body: StallEnquiry) => {
      const serialised = JSON.stringify(body)
      if (last.current?.body !== serialised) last.current = { body: serialised, key: crypto.randomUUID() }
      return (
        await unwrap(
          api.POST('/api/v1/events/{event_id}/enquiries', {
            params: { path: { event_id: eventId }, header: { 'Idempotency-Key': last.current.key } },
            body,
          }),
        )
      ).data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
