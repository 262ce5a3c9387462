import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One course with the ETag its change needs. */
export const courseQuery = (courseId: string) =>
  queryOptions({
    queryKey: ['training', 'courses', 'one', courseId],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/training/courses/{course_id}', { params: { path: { course_id: courseId } } }))
      return { course: data, etag: response.headers.get('ETag') }
    },
  })

export function useCourse(courseId: string) {
  return useQuery(courseQuery(courseId))
}
