import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type CourseCreate = Schemas['CourseCreate']

/** Adds a course to the council's catalogue (staff); a retry is the same course. */
export function useCreateCourse() {
  const queryClient = useQueryClient()
  const last = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: async (body: CourseCreate) => {
      const serialised = JSON.stringify(body)
      if (last.current?.body !== serialised) last.current = { body: serialised, key: crypto.randomUUID() }
      const { data } = await unwrap(
        api.POST('/api/v1/training/courses', { body, params: { header: { 'Idempotency-Key': last.current.key } } }),
      )
      return data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}
