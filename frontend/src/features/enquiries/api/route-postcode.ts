import { useMutation } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Which council covers the enquirer's postcode (public): a 404 problem when none here does. */
export function useRoutePostcode() {
  return useMutation({
    mutationFn: async (postcode: string) => (await unwrap(api.GET('/api/v1/routing', { params: { query: { postcode } } }))).data,
  })
}
