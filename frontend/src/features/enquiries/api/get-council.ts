import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/**
 * The council the enquiry goes to (public): its name and the fostering it recruits for. The
 * same query key as the councils feature's, so the two share one cached answer.
 */
export const enquiryCouncilQuery = (slug: string) =>
  queryOptions({
    queryKey: ['councils', slug],
    queryFn: async () => (await unwrap(api.GET('/api/v1/councils/{slug}', { params: { path: { slug } } }))).data,
    staleTime: 10 * 60 * 1000,
  })

export function useEnquiryCouncil(slug: string | undefined) {
  return useQuery({ ...enquiryCouncilQuery(slug ?? ''), enabled: Boolean(slug) })
}
