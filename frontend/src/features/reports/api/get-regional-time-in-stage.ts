import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, RegionalTimeInStage } from './report-types'

export const regionalTimeInStageQuery = (slug: string, query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'time-in-stage', query],
    queryFn: async (): Promise<RegionalTimeInStage> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/time-in-stage', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's time in stage by council and in total, small counts suppressed (regional viewers). */
export function useRegionalTimeInStage(slug: string, query: PeriodQuery) {
  return useQuery(regionalTimeInStageQuery(slug, query))
}

/** The same report as a CSV file. */
export function downloadRegionalTimeInStageCsv(slug: string, query: PeriodQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/time-in-stage', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `time-in-stage-${slug}`,
  )
}
