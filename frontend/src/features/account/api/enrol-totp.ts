import { useMutation } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Starts setting up an authenticator app: a new secret and its otpauth:// URI each time. */
export function useEnrolTotp() {
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/auth/totp/enrol'))).data,
  })
}
