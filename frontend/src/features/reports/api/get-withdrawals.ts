import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, WithdrawalsReport } from './report-types'

export const withdrawalsQuery = (query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'withdrawals', query],
    queryFn: async (): Promise<WithdrawalsReport> => (await unwrap(jsonApi.GET('/api/v1/reports/withdrawals', { params: { query } }))).data,
    placeholderData: keepPreviousData,
  })

/** Withdrawals by Ofsted reason code and the stage they left at. */
export function useWithdrawals(query: PeriodQuery) {
  return useQuery(withdrawalsQuery(query))
}

/** The same report as a CSV file. */
export function downloadWithdrawalsCsv(query: PeriodQuery) {
  return csvFile(api.GET('/api/v1/reports/withdrawals', { params: { query }, headers: CSV_HEADERS, parseAs: 'blob' }), 'withdrawals')
}
