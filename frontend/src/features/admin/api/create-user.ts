import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type UserCreate = Schemas['UserCreate']

/**
 * Adds a person to the council. The same body sent twice (a double click, a retry after a
 * dropped connection) carries the same Idempotency-Key, so only one account is made.
 */
export function useCreateUser() {
  const queryClient = useQueryClient()
  const last = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: async (body: UserCreate) => {
      const serialised = JSON.stringify(body)
      if (last.current?.body !== serialised) last.current = { body: serialised, key: crypto.randomUUID() }
      const { data } = await unwrap(
        api.POST('/api/v1/users', { body, params: { header: { 'Idempotency-Key': last.current.key } } }),
      )
      return data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
  })
}
