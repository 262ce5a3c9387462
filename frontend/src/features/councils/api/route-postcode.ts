import { useMutation } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Which council covers a postcode (public): a 404 problem when none here does. */
export async function routePostcode(postcode: string) {
  return (await unwrap(api.GET('/api/v1/routing', { params: { query: { postcode } } }))).data
}

export function useRoutePostcode() {
  return useMutation({ mutationFn: routePostcode })
}
