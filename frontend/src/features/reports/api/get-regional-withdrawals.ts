import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { PeriodQuery, RegionalWithdrawals } from './report-types'

export const regionalWithdrawalsQuery = (slug: string, query: PeriodQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'withdrawals', query],
    queryFn: async (): Promise<RegionalWithdrawals> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/withdrawals', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's withdrawals by council and in total, small counts suppressed (regional viewers). */
export function useRegionalWithdrawals(slug: string, query: PeriodQuery) {
  return useQuery(regionalWithdrawalsQuery(slug, query))
}

/** The same report as a CSV file. */
export function downloadRegionalWithdrawalsCsv(slug: string, query: PeriodQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/withdrawals', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `withdrawals-${slug}`,
  )
}
