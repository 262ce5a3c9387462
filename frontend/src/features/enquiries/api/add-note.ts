import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { invalidateEnquiry } from './invalidate'

/** Adds a note to an enquiry's timeline (staff). */
export function useAddNote(enquiryId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (body: string) =>
      (await unwrap(api.POST('/api/v1/enquiries/{enquiry_id}/notes', { params: { path: { enquiry_id: enquiryId } }, body: { body } }))).data,
    onSuccess: () => invalidateEnquiry(queryClient, enquiryId),
  })
}
