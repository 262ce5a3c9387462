import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { FunnelQuery, FunnelReport } from './report-types'

export const funnelQuery = (query: FunnelQuery) =>
  queryOptions({
    queryKey: ['reports', 'funnel', query],
    queryFn: async (): Promise<FunnelReport> => (await unwrap(jsonApi.GET('/api/v1/reports/funnel', { params: { query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The council's recruitment funnel for a period, optionally split by a source (managers, admins). */
export function useFunnel(query: FunnelQuery) {
  return useQuery(funnelQuery(query))
}

/** The same report as a CSV file. */
export function downloadFunnelCsv(query: FunnelQuery) {
  return csvFile(api.GET('/api/v1/reports/funnel', { params: { query }, headers: CSV_HEADERS, parseAs: 'blob' }), 'funnel')
}
