import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, RegionalRetention } from './report-types'

export const regionalRetentionQuery = (slug: string, query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'retention', query],
    queryFn: async (): Promise<RegionalRetention> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/retention', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's retention by council and in total, small counts suppressed (regional viewers). */
export function useRegionalRetention(slug: string, query: PeriodQuery) {
  return useQuery(regionalRetentionQuery(slug, query))
}

/** The same report as a CSV file. */
export function downloadRegionalRetentionCsv(slug: string, query: PeriodQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/retention', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `retention-${slug}`,
  )
}
