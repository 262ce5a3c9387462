import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** A carer household's name and approval, for the heading of its training record (staff). */
export const householdQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['carers', 'one', householdId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/carers/{household_id}', { params: { path: { household_id: householdId } } }))).data,
  })

export function useHousehold(householdId: string) {
  return useQuery(householdQuery(householdId))
}
