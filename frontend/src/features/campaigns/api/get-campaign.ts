import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One campaign with its results (staff). */
export const campaignQuery = (campaignId: string) =>
  queryOptions({
    queryKey: ['campaigns', 'one', campaignId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/campaigns/{campaign_id}', { params: { path: { campaign_id: campaignId } } }))).data,
  })

export function useCampaign(campaignId: string) {
  return useQuery(campaignQuery(campaignId))
}
