import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type UsersFilter = NonNullable<Operations['users:list']['parameters']['query']>

export const usersQuery = (filter: UsersFilter) =>
  queryOptions({
    queryKey: ['users', 'list', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/users', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
  })

/** The council's user accounts, a page at a time (admins). */
export function useUsers(filter: UsersFilter) {
  return useQuery(usersQuery(filter))
}
