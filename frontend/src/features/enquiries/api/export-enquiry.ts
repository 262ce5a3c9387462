import { useMutation } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'

/**
 * A subject access export (admins): everything held on the person, saved as a JSON file. The
 * API needs the bearer token, so the file is fetched here and handed to the browser to save.
 */
export function useExportEnquiry(enquiryId: string) {
  return useMutation({
    mutationFn: async (reference: string) => {
      const { data } = await unwrap(
        api.GET('/api/v1/enquiries/{enquiry_id}/export', { params: { path: { enquiry_id: enquiryId } }, parseAs: 'blob' }),
      )
      const url = URL.createObjectURL(new Blob([data], { type: 'application/json' }))
      try {
        const link = document.createElement('a')
        link.href = url
        link.download = `${reference}.json`
        link.hidden = true
        document.body.append(link)
        link.click()
        link.remove()
      } finally {
        // The download has its own copy once started; give it a moment before revoking.
        window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
      }
    },
  })
}
