import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type RegistrationCreate = Schemas['RegistrationCreate']

/**
 * Registers someone for an event: a place while seats remain, then the waiting list. The same
 * body sent twice (a double click, a retry) carries the same Idempotency-Key.
 */
export function useRegister(eventId: string) {
  const queryClient = useQueryClient()
  const last = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: async (body: RegistrationCreate) => {
      const serialised = JSON.stringify(body)
      if (last.current?.body !== serialised) last.current = { body: serialised, key: crypto.randomUUID() }
      const { data } = await unwrap(
        api.POST('/api/v1/events/{event_id}/registrations', {
          params: { path: { event_id: eventId }, header: { 'Idempotency-Key': last.current.key } },
          body,
        }),
      )
      return data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
