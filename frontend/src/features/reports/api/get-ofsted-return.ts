import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, jsonApi } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { CSV_HEADERS, csvFile } from './csv'
import type { YearQuery, OfstedReturn } from './report-types'

export const ofstedReturnQuery = (query: YearQuery) =>
  queryOptions({
    queryKey: ['reports', 'ofsted-return', query],
    queryFn: async (): Promise<OfstedReturn> => (await unwrap(jsonApi.GET('/api/v1/reports/ofsted-return', { params: { query } }))).data,
    placeholderData: keepPreviousData,
  })

/** The Ofsted fostering data collection's figures for a year from 1 April. */
export function useOfstedReturn(query: YearQuery) {
  return useQuery(ofstedReturnQuery(query))
}

/** The same report as a CSV file. */
export function downloadOfstedReturnCsv(query: YearQuery) {
  return csvFile(api.GET('/api/v1/reports/ofsted-return', { params: { query }, headers: CSV_HEADERS, parseAs: 'blob' }), 'ofsted-return')
}
