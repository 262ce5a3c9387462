import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** One council: name, brand colour, the fostering it recruits for, contact details (public). */
export const councilQuery = (slug: string) =>
  queryOptions({
    queryKey: ['councils', slug],
    queryFn: async () => (await unwrap(api.GET('/api/v1/councils/{slug}', { params: { path: { slug } } }))).data,
    staleTime: 10 * 60 * 1000,
  })

export function useCouncil(slug: string | undefined) {
  return useQuery({ ...councilQuery(slug ?? ''), enabled: Boolean(slug) })
}
