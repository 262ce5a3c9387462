import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import { councilSettingsQuery } from './get-council-settings'

interface UpdateCouncilSettings {
  /** The ETag of the settings the administrator looked at: a 412 means someone changed them since. */
  etag: string | null
  /** Each object given replaces that object whole: send every stage target, all of retention. */
  patch: Schemas['CouncilSettingsPatch']
}

/** Changes your council's settings (administrators). On a 412 the latest settings are fetched. */
export function useUpdateCouncilSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ etag, patch }: UpdateCouncilSettings) => {
      const { data, response } = await unwrap(
        api.PATCH('/api/v1/council-settings', {
          // The API answers 428 to a change without the version read; '' gets that answer.
          params: { header: { 'If-Match': etag ?? '' } },
          body: patch,
        }),
      )
      return { settings: data, etag: response.headers.get('ETag') }
    },
    onSuccess: (result) => {
      queryClient.setQueryData(councilSettingsQuery().queryKey, result)
      // The council's public page shows its office hours and the kinds of fostering it recruits for.
      return queryClient.invalidateQueries({ queryKey: ['councils'] })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: councilSettingsQuery().queryKey }),
  })
}
