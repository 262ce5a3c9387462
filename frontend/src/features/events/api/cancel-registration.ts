import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** What a cancellation link from the confirmation email would cancel (changes nothing). */
export const cancelPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: ['registrations', 'cancel', token],
    queryFn: async () => (await unwrap(api.GET('/api/v1/registrations/cancel', { params: { query: { token } } }))).data,
    retry: false,
  })

export function useCancelPreview(token: string) {
  return useQuery({ ...cancelPreviewQuery(token), enabled: token.length >= 20 })
}

/** Cancels the registration the emailed token names; its place goes to the waiting list. */
export function useCancelRegistration() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (token: string) => (await unwrap(api.POST('/api/v1/registrations/cancel', { body: { token } }))).data,
    onSuccess: (data, token) => {
      queryClient.setQueryData(cancelPreviewQuery(token).queryKey, data)
      return queryClient.invalidateQueries({ queryKey: ['events'] })
    },
  })
}
