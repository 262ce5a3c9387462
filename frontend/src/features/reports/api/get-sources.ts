import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, SourcesReport } from './report-types'

export const sourcesQuery = (query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'sources', query],
    // The JSON answer (the operation also declares its CSV one).
    queryFn: async () => (await unwrap(api.GET('/api/v1/reports/sources', { params: { query } }))).data as SourcesReport,
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
