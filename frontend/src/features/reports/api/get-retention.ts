import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, RetentionReport } from './report-types'

export const retentionQuery = (query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'retention', query],
    queryFn: async (): Promise<RetentionReport> => (await unwrap(jsonApi.GET('/api/v1/reports/retention', { params: { query } }))).data,
    placeholderData: keepPreviousData,
  })

/** Carer households gained and lost, places and vacancies. */
export function useRetention(query: PeriodQuery) {
  return useQuery(retentionQuery(query))
}

/** The same report as a CSV file. */
export function downloadRetentionCsv(query: PeriodQuery) {
  return csvFile(api.GET('/api/v1/reports/retention', { params: { query }, headers: CSV_HEADERS, parseAs: 'blob' }), 'retention')
}
