import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The signed-in carer's (or applicant's) training record, expiries and bookings. */
export const myRecordQuery = () =>
  queryOptions({
    queryKey: ['training', 'record', 'me'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/carers/me/training'))).data,
  })

export function useMyTrainingRecord() {
  return useQuery(myRecordQuery())
}
