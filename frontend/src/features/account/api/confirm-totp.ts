import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { accountQuery } from './get-account'

/** Confirms the first code: from then on, sign-in asks for one. */
export function useConfirmTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (code: string) => {
      await unwrap(api.POST('/api/v1/auth/totp/confirm', { body: { code } }))
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountQuery().queryKey }),
  })
}
