import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { invalidateEnquiry } from './invalidate'

/**
 * Records a try at reaching the person. `offerNoResponse` is the answer's `Offer-No-Response`
 * header: the council's number of failed attempts is reached, so it may close as no response.
 */
export function useAddContactAttempt(enquiryId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (body: Schemas['ContactAttemptCreate']) => {
      const { data, response } = await unwrap(
        api.POST('/api/v1/enquiries/{enquiry_id}/contact-attempts', { params: { path: { enquiry_id: enquiryId } }, body }),
      )
      return { attempt: data, offerNoResponse: response.headers.get('Offer-No-Response') === 'true' }
    },
    onSuccess: () => invalidateEnquiry(queryClient, enquiryId),
  })
}
