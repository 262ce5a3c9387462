import type { QueryClient } from '@tanstack/react-query'

/** After a change to an enquiry: it, its timeline, the lists and the board are out of date. */
export function invalidateEnquiry(queryClient: QueryClient, enquiryId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['enquiries', 'one', enquiryId] }),
    queryClient.invalidateQueries({ queryKey: ['enquiries', 'timeline', enquiryId] }),
    queryClient.invalidateQueries({ queryKey: ['enquiries', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['enquiries', 'pipeline'] }),
  ])
}
