import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, RegionalSources } from './report-types'

export const regionalSourcesQuery = (slug: string, query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'sources', query],
    queryFn: async (): Promise<RegionalSources> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/sources', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's sources by council and in total, small counts suppressed (regional viewers). */
export function useRegionalSources(slug: string, query: PeriodQuery) {
  return useQuery(regionalSourcesQuery(slug, query))
}

/** The same report as a CSV file. */
export function downloadRegionalSourcesCsv(slug: string, query: PeriodQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/sources', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `sources-${slug}`,
  )
}
