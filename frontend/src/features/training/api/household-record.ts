import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** A carer household's training record (staff; the API audits the read). */
export const householdRecordQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['training', 'record', householdId],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/carers/{household_id}/training', { params: { path: { household_id: householdId } } }),
        )
      ).data,
  })

export function useHouseholdTrainingRecord(householdId: string) {
  return useQuery(householdRecordQuery(householdId))
}
