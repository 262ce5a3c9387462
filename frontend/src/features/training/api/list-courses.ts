import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The council's training courses, by name. */
export const coursesQuery = () =>
  queryOptions({
    queryKey: ['training', 'courses', 'all'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/training/courses', { params: { query: { limit: 200 } } }))).data,
  })

export function useCourses() {
  return useQuery(coursesQuery())
}
