import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Upcoming training sessions for the signed-in person, each with their own booking's status. */
export const sessionsQuery = () =>
  queryOptions({
    queryKey: ['training', 'sessions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/training/sessions', { params: { query: { limit: 200 } } }))).data,
  })

export function useSessions() {
  return useQuery(sessionsQuery())
}
