import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'

export type StaffMember = Schemas['StaffMember']

/** Pages of 200 until the end: a council's staff is a few dozen people, rarely more. */
const MAX_PAGES = 10

export const staffQuery = queryOptions({
  queryKey: ['staff', 'directory'],
  queryFn: async (): Promise<StaffMember[]> => {
    const people: StaffMember[] = []
    let cursor: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const data = (await unwrap(api.GET('/api/v1/staff', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }))).data
      people.push(...data.items)
      if (!data.next_cursor) break
      cursor = data.next_cursor
    }
    return people
  },
  // Colleagues change rarely: one fetch serves the list, the board and every enquiry page.
  staleTime: 5 * 60_000,
})

/** The council's staff (any member of staff may ask): names for ids, and who work can go to. */
export function useStaff() {
  return useQuery(staffQuery)
}
