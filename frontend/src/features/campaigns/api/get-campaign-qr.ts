import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/**
 * The campaign's printable QR code. The API wants the bearer token, so an `<img src>` cannot
 * load it: it is fetched through the client and shown as a `data:` URL, which the app's CSP
 * (`img-src 'self' data:`) allows; a `blob:` object URL would be refused.
 */
export const campaignQrQuery = (campaignId: string) =>
  queryOptions({
    queryKey: ['campaigns', 'qr', campaignId],
    queryFn: async () => {
      const { data } = await unwrap(
        api.GET('/api/v1/campaigns/{campaign_id}/qr.svg', { params: { path: { campaign_id: campaignId } }, parseAs: 'text' }),
      )
      return svgDataUrl(String(data))
    },
    staleTime: Infinity,
  })

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

export function useCampaignQr(campaignId: string) {
  return useQuery(campaignQrQuery(campaignId))
}
