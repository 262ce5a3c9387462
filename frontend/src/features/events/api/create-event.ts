import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type EventCreate = Schemas['EventCreate']

/** Creates an event (staff); a retry of the same body is the same event (Idempotency-Key). */
export function useCreateEvent() {
  const queryClient = useQueryClient()
  const last = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: async (body: EventCreate) => {
      const serialised = JSON.stringify(body)
      if (last.current?.body !== serialised) last.current = { body: serialised, key: crypto.randomUUID() }
      const { data } = await unwrap(
        api.POST('/api/v1/events', { body, params: { header: { 'Idempotency-Key': last.current.key } } }),
      )
      return data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}
