import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Everything that happened to an enquiry, oldest first (staff). */
export const timelineQuery = (enquiryId: string) =>
  queryOptions({
    queryKey: ['enquiries', 'timeline', enquiryId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/enquiries/{enquiry_id}/timeline', { params: { path: { enquiry_id: enquiryId } } }))).data,
  })

export function useTimeline(enquiryId: string) {
  return useQuery(timelineQuery(enquiryId))
}
