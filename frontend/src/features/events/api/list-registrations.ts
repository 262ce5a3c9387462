import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Operations } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type RegistrationsFilter = NonNullable<Operations['events:list_registrations']['parameters']['query']>

export const registrationsQuery = (eventId: string, filter: RegistrationsFilter) =>
  queryOptions({
    queryKey: ['events', 'registrations', eventId, filter],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/events/{event_id}/registrations', { params: { path: { event_id: eventId }, query: filter } }),
        )
      ).data,
    placeholderData: keepPreviousData,
  })

/** Who registered, oldest first; `q` finds a name or an email (staff of the host and co-hosts). */
export function useRegistrations(eventId: string, filter: RegistrationsFilter) {
  return useQuery(registrationsQuery(eventId, filter))
}
