import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/** Your council's settings with their ETag, which a change must send back as If-Match (staff read; administrators change). */
export const councilSettingsQuery = () =>
  queryOptions({
    queryKey: ['council-settings'],
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/v1/council-settings'))
      return { settings: data, etag: response.headers.get('ETag') }
    },
  })

export function useCouncilSettings() {
  return useQuery(councilSettingsQuery())
}
