import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { enquiryQuery } from './get-enquiry'
import { invalidateEnquiry } from './invalidate'

interface UpdateEnquiry {
  /** The ETag of the version the officer looked at: a 412 means someone changed it since. */
  etag: string | null
  patch: Schemas['EnquiryPatch']
}

/** Corrects contact details or assigns the enquiry. On a 412 the latest version is fetched. */
export function useUpdateEnquiry(enquiryId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ etag, patch }: UpdateEnquiry) => {
      const { data, response } = await unwrap(
        api.PATCH('/api/v1/enquiries/{enquiry_id}', {
          // The API answers 428 to a change without the version read; '' gets that answer.
          params: { path: { enquiry_id: enquiryId }, header: { 'If-Match': etag ?? '' } },
          body: patch,
        }),
      )
      return { enquiry: data, etag: response.headers.get('ETag') }
    },
    onSuccess: (result) => {
      queryClient.setQueryData(enquiryQuery(enquiryId).queryKey, result)
      return invalidateEnquiry(queryClient, enquiryId)
    },
    onError: () => invalidateEnquiry(queryClient, enquiryId),
  })
}
