import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { userQuery } from './get-user'

interface UpdateUser {
  userId: string
  /** The ETag of the version the admin looked at: a 412 means someone changed it since. */
  etag: string | null
  patch: Schemas['UserPatch']
}

/** Changes a person's name, roles or whether they can sign in (admins). */
export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ userId, etag, patch }: UpdateUser) => {
      const { data, response } = await unwrap(
        api.PATCH('/api/v1/users/{user_id}', {
          // The API answers 428 to a change without the version read; '' gets that answer.
          params: { path: { user_id: userId }, header: { 'If-Match': etag ?? '' } },
          body: patch,
        }),
      )
      return { user: data, etag: response.headers.get('ETag') }
    },
    onSuccess: (result, { userId }) => {
      queryClient.setQueryData(userQuery(userId).queryKey, result)
      return queryClient.invalidateQueries({ queryKey: ['users', 'list'] })
    },
    onError: (_error, { userId }) => queryClient.invalidateQueries({ queryKey: userQuery(userId).queryKey }),
  })
}
