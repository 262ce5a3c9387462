import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { invalidateEnquiry } from './invalidate'

/** Erases the person's details (admins); the anonymous history and counts stay. */
export function useEraseEnquiry(enquiryId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.POST('/api/v1/enquiries/{enquiry_id}/erasure', { params: { path: { enquiry_id: enquiryId } } }))
    },
    onSuccess: () => invalidateEnquiry(queryClient, enquiryId),
  })
}
