import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One account with its ETag, which a change must send back as If-Match. */
export const userQuery = (userId: string) =>
  queryOptions({
    queryKey: ['users', 'one', userId],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: userId } } }))
      return { user: data, etag: response.headers.get('ETag') }
    },
  })

export function useUser(userId: string) {
  return useQuery(userQuery(userId))
}
