import { useMutation } from '@tanstack/react-query'
import { api } from '../../../api/client'
import { unwrap } from '../../../api/problems'
import type { EnquiryBody } from '../journey/answers'

/**
 * Sends the public enquiry. The caller gives the Idempotency-Key: the same answers sent twice
 * (a double click, a retry after a dropped connection) carry the same key, so the council gets
 * one enquiry and the person sees one reference.
 */
export function useCreateEnquiry() {
  return useMutation({
    mutationFn: async ({ body, key }: { body: EnquiryBody; key: string }) =>
      (await unwrap(api.POST('/api/v1/enquiries', { body, params: { header: { 'Idempotency-Key': key } } }))).data,
  })
}
