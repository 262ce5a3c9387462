import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type ManagedFilter = NonNullable<Operations['events:list_managed']['parameters']['query']>

export const managedEventsQuery = (filter: ManagedFilter) =>
  queryOptions({
    queryKey: ['events', 'managed', filter],
    queryFn: async () => (await unwrap(api.GET('/api/v1/events/manage', { params: { query: filter } }))).data,
    placeholderData: keepPreviousData,
  })

/** The council's events, hosted and co-hosted, in every status (staff). */
export function useManagedEvents(filter: ManagedFilter) {
  return useQuery(managedEventsQuery(filter))
}
