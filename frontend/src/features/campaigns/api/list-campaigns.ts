import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type CampaignsFilter = NonNullable<Operations['campaigns:list']['parameters']['query']>

export const campaignsQuery = (filter: CampaignsFilter) =>
  queryOptions({
    queryKey: ['campaigns', 'list', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/campaigns', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
  })

/** Campaigns and ambassadors' codes, newest first, each with its results (staff). */
export function useCampaigns(filter: CampaignsFilter) {
  return useQuery(campaignsQuery(filter))
}
