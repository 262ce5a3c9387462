import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** A carer's own referral code, share link and how their referrals are going. */
export const myReferralQuery = () =>
  queryOptions({
    queryKey: ['referrals', 'mine'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/carers/me/referral'))).data,
  })

export function useMyReferral() {
  return useQuery(myReferralQuery())
}
