import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { campaignQuery } from './get-campaign'

/**
 * Starts a campaign or gives an ambassador a code. The same body sent twice carries the same
 * Idempotency-Key, so a double click makes one campaign (and one printed code).
 */
export function useCreateCampaign() {
  const queryClient = useQueryClient()
  const last = useRef<{ body: string; key: string } | null>(null)
  return useMutation({
    mutationFn: async (body: Schemas['CampaignCreate']) => {
      const serialised = JSON.stringify(body)
      if (last.current?.body !== serialised) last.current = { body: serialised, key: crypto.randomUUID() }
      return (await unwrap(api.POST('/api/v1/campaigns', { body, params: { header: { 'Idempotency-Key': last.current.key } } }))).data
    },
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignQuery(campaign.id).queryKey, campaign)
      return queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] })
    },
  })
}
