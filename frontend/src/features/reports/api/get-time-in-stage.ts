import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, TimeInStageReport } from './report-types'

export const timeInStageQuery = (query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'time-in-stage', query],
    queryFn: async (): Promise<TimeInStageReport> => (await unwrap(jsonApi.GET('/api/v1/reports/time-in-stage', { params: { query } }))).data,
    placeholderData: keepPreviousData,
  })

/** How long each stage takes against the council's targets, and what is overdue. */
export function useTimeInStage(query: PeriodQuery) {
  return useQuery(timeInStageQuery(query))
}

/** The same report as a CSV file. */
export function downloadTimeInStageCsv(query: PeriodQuery) {
  return csvFile(api.GET('/api/v1/reports/time-in-stage', { params: { query }, headers: CSV_HEADERS, parseAs: 'blob' }), 'time-in-stage')
}
