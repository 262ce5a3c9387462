import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One carer household with its ETag (staff; the read is audited). */
export const carerQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['carers', 'one', householdId],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/carers/{household_id}', { params: { path: { household_id: householdId } } }))
      return { household: data, etag: response.headers.get('ETag') }
    },
  })

export function useCarer(householdId: string) {
  return useQuery(carerQuery(householdId))
}
