import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The signed-in carer's own household. */
export const myHouseholdQuery = () =>
  queryOptions({
    queryKey: ['carers', 'mine'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/carers/me'))).data,
  })

export function useMyHousehold() {
  return useQuery(myHouseholdQuery())
}
