import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { referralQuery } from './get-referral'

/** Marks a due reward paid, or voids a referral, with If-Match (412 when someone got there first). */
export function useUpdateReferral(referralId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ etag, status }: { etag: string | null; status: Schemas['ReferralPatch']['status'] }) => {
      const { data, response } = await unwrap(
        api.PATCH('/api/v1/referrals/{referral_id}', {
          params: { path: { referral_id: referralId }, header: { 'If-Match': etag ?? '' } },
          body: { status },
        }),
      )
      return { referral: data, etag: response.headers.get('ETag') }
    },
    onSuccess: (result) => {
      queryClient.setQueryData(referralQuery(referralId).queryKey, result)
      return queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: referralQuery(referralId).queryKey }),
  })
}
