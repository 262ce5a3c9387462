import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, RegionalFunnel } from './report-types'

export const regionalFunnelQuery = (slug: string, query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'funnel', query],
    queryFn: async (): Promise<RegionalFunnel> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/funnel', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's funnel by council and in total, small counts suppressed (regional viewers). */
export function useRegionalFunnel(slug: string, query: PeriodQuery) {
  return useQuery(regionalFunnelQuery(slug, query))
}

/** The same report as a CSV file. */
export function downloadRegionalFunnelCsv(slug: string, query: PeriodQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/funnel', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `funnel-${slug}`,
  )
}
