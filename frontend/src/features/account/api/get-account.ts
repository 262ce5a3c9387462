import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The signed-in person's own account. */
export const accountQuery = () =>
  queryOptions({
    queryKey: ['account'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/account'))).data,
  })

export function useAccount() {
  return useQuery(accountQuery())
}
