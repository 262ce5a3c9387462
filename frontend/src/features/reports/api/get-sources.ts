import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, SourcesReport } from './report-types'

export const sourcesQuery = (query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'sources', query],
    queryFn: async (): Promise<SourcesReport> => (await unwrap(jsonApi.GET('/api/v1/reports/sources', { params: { query } }))).data,
    placeholderData: keepPreviousData,
  })

/** Enquiries per channel and campaign code, and how far they got. */
export function useSources(query: PeriodQuery) {
  return useQuery(sourcesQuery(query))
}

/** The same report as a CSV file. */
export function downloadSourcesCsv(query: PeriodQuery) {
  return csvFile(api.GET('/api/v1/reports/sources', { params: { query }, headers: CSV_HEADERS, parseAs: 'blob' }), 'sources')
}
