import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One enquiry with its ETag, which a change must send back as If-Match (the read is audited). */
export const enquiryQuery = (enquiryId: string) =>
  queryOptions({
    queryKey: ['enquiries', 'one', enquiryId],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/enquiries/{enquiry_id}', { params: { path: { enquiry_id: enquiryId } } }))
      return { enquiry: data, etag: response.headers.get('ETag') }
    },
  })

export function useEnquiry(enquiryId: string) {
  return useQuery(enquiryQuery(enquiryId))
}
