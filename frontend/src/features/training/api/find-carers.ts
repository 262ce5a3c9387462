import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type CarersFilter = NonNullable<Operations['carers:list']['parameters']['query']>

export const carersQuery = (filter: CarersFilter) =>
  queryOptions({
    queryKey: ['carers', 'list', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/carers', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
  })

/** The council's carer households, to find one's training record (staff). */
export function useCarers(filter: CarersFilter) {
  return useQuery(carersQuery(filter))
}
