import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type CoursePatch = Schemas['CoursePatch']

/** Changes a course, or retires it (`is_active: false`), guarded by its ETag. */
export function useUpdateCourse(courseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ body, etag }: { body: CoursePatch; etag: string }) =>
      (
        await unwrap(
          api.PATCH('/api/v1/training/courses/{course_id}', {
            params: { path: { course_id: courseId }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}
