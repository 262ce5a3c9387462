import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The council's active courses, for a training session's course (staff). */
export const courseOptionsQuery = () =>
  queryOptions({
    queryKey: ['training', 'courses', { active: true, limit: 200 }],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/training/courses', { params: { query: { active: true, limit: 200 } } }))).data,
  })

export function useCourseOptions(enabled: boolean) {
  return useQuery({ ...courseOptionsQuery(), enabled })
}
