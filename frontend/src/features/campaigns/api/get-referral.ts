import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One referral with its ETag, which marking it paid must send back (staff). */
export const referralQuery = (referralId: string) =>
  queryOptions({
    queryKey: ['referrals', 'one', referralId],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/referrals/{referral_id}', { params: { path: { referral_id: referralId } } }))
      return { referral: data, etag: response.headers.get('ETag') }
    },
  })

export function useReferral(referralId: string) {
  return useQuery(referralQuery(referralId))
}
