import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type ReferralsFilter = NonNullable<Operations['referrals:list']['parameters']['query']>

export const referralsQuery = (filter: ReferralsFilter) =>
  queryOptions({
    queryKey: ['referrals', 'list', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/referrals', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
  })

/** Carers' referrals and their rewards (staff). */
export function useReferrals(filter: ReferralsFilter) {
  return useQuery(referralsQuery(filter))
}
