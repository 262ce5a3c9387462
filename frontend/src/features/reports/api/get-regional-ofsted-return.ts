import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { YearQuery, RegionalOfsted } from './report-types'

export const regionalOfstedReturnQuery = (slug: string, query: YearQuery) =>
  queryOptions({
    queryKey: ['reports', 'region', slug, 'ofsted-return', query],
    queryFn: async (): Promise<RegionalOfsted> => (await unwrap(jsonApi.GET('/api/v1/regions/{slug}/reports/ofsted-return', { params: { path: { slug }, query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The region's ofsted return by council and in total, small counts suppressed (regional viewers). */
export function useRegionalOfstedReturn(slug: string, query: YearQuery) {
  return useQuery(regionalOfstedReturnQuery(slug, query))
}

/** The same report as a CSV file. */
export function downloadRegionalOfstedReturnCsv(slug: string, query: YearQuery) {
  return csvFile(
    api.GET('/api/v1/regions/{slug}/reports/ofsted-return', { params: { path: { slug }, query }, headers: CSV_HEADERS, parseAs: 'blob' }),
    `ofsted-return-${slug}`,
  )
}
