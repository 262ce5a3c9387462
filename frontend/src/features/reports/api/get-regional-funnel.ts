import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { RegionalFunnel, RegionalFunnelQuery } from './report-types'

export const regionalFunnelQuery = (slug: string, query: RegionalFunnelQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'funnel', query],
    queryFn: async (): Promise<RegionalFunnel> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/funnel', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's funnel by council and in total, optionally split by channel or referral, small counts hidden (regional viewers). */
export function useRegionalFunnel(slug: string, query: RegionalFunnelQuery) {
  return useQuery(regionalFunnelQuery(slug, query))
}

/** The same report as a CSV file, for the same query (its split included). */
export function downloadRegionalFunnelCsv(slug: string, query: RegionalFunnelQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/funnel', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `funnel-${slug}`,
  )
}
