import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Approved carers behind on the TSD standards, or due within `withinDays` (staff). */
export const tsdBehindQuery = (withinDays: number) =>
  queryOptions({
    queryKey: ['training', 'tsd-behind', withinDays],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/training/tsd-behind', { params: { query: { within_days: withinDays } } }))).data,
  })

export function useTsdBehind(withinDays: number) {
  return useQuery(tsdBehindQuery(withinDays))
}
