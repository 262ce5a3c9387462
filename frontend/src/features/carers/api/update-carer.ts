import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { carerQuery } from './get-carer'

/** Changes a household's status or approval terms, with If-Match (412 when someone got there first). */
export function useUpdateCarer(householdId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ etag, patch }: { etag: string | null; patch: Schemas['HouseholdPatch'] }) => {
      const { data, response } = await unwrap(
        api.PATCH('/api/v1/carers/{household_id}', {
          params: { path: { household_id: householdId }, header: { 'If-Match': etag ?? '' } },
          body: patch,
        }),
      )
      return { household: data, etag: response.headers.get('ETag') }
    },
    onSuccess: (result) => {
      queryClient.setQueryData(carerQuery(householdId).queryKey, result)
      return queryClient.invalidateQueries({ queryKey: ['carers', 'list'] })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: carerQuery(householdId).queryKey }),
  })
}
