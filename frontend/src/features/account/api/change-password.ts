import { useMutation } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Changes your password; the server then ends every session of yours, this one included. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: Schemas['PasswordChange']) => {
      await unwrap(api.POST('/api/v1/account/password', { body }))
    },
  })
}
