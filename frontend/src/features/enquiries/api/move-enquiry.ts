import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { invalidateEnquiry } from './invalidate'

/** Moves an enquiry to its next stage or closes it (409 when the move is no longer allowed). */
export function useMoveEnquiry(enquiryId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (body: Schemas['TransitionCreate']) =>
      (await unwrap(api.POST('/api/v1/enquiries/{enquiry_id}/transitions', { params: { path: { enquiry_id: enquiryId } }, body }))).data,
    onSettled: () => invalidateEnquiry(queryClient, enquiryId),
  })
}
