import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** The pipeline: stages, counts and overdue per stage, reason codes and allowed moves (staff). */
export const pipelineQuery = () =>
  queryOptions({
    queryKey: ['enquiries', 'pipeline'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/pipeline'))).data,
  })

export function usePipeline() {
  return useQuery(pipelineQuery())
}
