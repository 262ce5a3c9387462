import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

type TimelineEntry = Schemas['TimelineEntry']

/** Pages of 200 until the end: one enquiry's history is a few dozen entries, rarely more. */
const MAX_PAGES = 20

/** Everything that happened to an enquiry, oldest first (staff): every page of the timeline. */
export const timelineQuery = (enquiryId: string) =>
  queryOptions({
    queryKey: ['enquiries', 'timeline', enquiryId],
    queryFn: async (): Promise<TimelineEntry[]> => {
      const entries: TimelineEntry[] = []
      let cursor: string | undefined
      for (let page = 0; page < MAX_PAGES; page++) {
        const data = (
          await unwrap(
            api.GET('/api/v1/enquiries/{enquiry_id}/timeline', {
              params: { path: { enquiry_id: enquiryId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
            }),
          )
        ).data
        entries.push(...data.items)
        if (!data.next_cursor) break
        cursor = data.next_cursor
      }
      return entries
    },
  })

export function useTimeline(enquiryId: string) {
  return useQuery(timelineQuery(enquiryId))
}
