import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type CompletionCreate = Schemas['CompletionCreate']

/** Records a course a carer household completed (staff). */
export function useRecordCompletion() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (body: CompletionCreate) => (await unwrap(api.POST('/api/v1/training/completions', { body }))).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}
