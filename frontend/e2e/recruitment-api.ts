/** Set-up through the API for the recruitment journeys: tokens, campaigns, enquiries, moves. */
import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'
import { PASSWORD } from './support'

export type Headers = Record<string, string>

export async function bearer(request: APIRequestContext, email: string): Promise<Headers> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } })
  expect(login.status(), await login.text()).toBe(200)
  const { access_token } = (await login.json()) as { access_token: string }
  return { Authorization: `Bearer ${access_token}` }
}

export async function createCampaign(request: APIRequestContext, headers: Headers, body: Record<string, unknown>): Promise<{ id: string; code: string }> {
  const response = await request.post('/api/v1/campaigns', { headers, data: body })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as { id: string; code: string }
}

export async function referralCodeOf(request: APIRequestContext, carerEmail: string): Promise<string> {
  const response = await request.get('/api/v1/carers/me/referral', { headers: await bearer(request, carerEmail) })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { referral_code: string }).referral_code
}

/** A public enquiry, as the SPA would send it. */
export async function createEnquiry(
  request: APIRequestContext,
  council: string,
  firstName: string,
  lastName: string,
  source: Record<string, unknown> = { channel: 'website' },
): Promise<{ id: string; reference: string }> {
  const response = await request.post('/api/v1/enquiries', {
    data: {
      council,
      contact: { first_name: firstName, last_name: lastName, email: `${firstName}.${lastName}@example.org`.toLowerCase(), postcode: 'L20 3AB' },
      interests: ['short_term'],
      source,
      consent: { privacy_notice_version: '2026-01', contact_ok: true },
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as { id: string; reference: string }
}

export async function moveEnquiry(request: APIRequestContext, headers: Headers, enquiryId: string, to: string, extra: Record<string, unknown> = {}): Promise<void> {
  const response = await request.post(`/api/v1/enquiries/${enquiryId}/transitions`, { headers, data: { to, ...extra } })
  expect(response.status(), await response.text()).toBe(201)
}

/** Straight through the pipeline to approval: the household is made and a referral falls due. */
export async function approveEnquiry(request: APIRequestContext, headers: Headers, enquiryId: string): Promise<void> {
  for (const stage of ['initial_contact', 'initial_visit', 'application', 'assessment', 'panel', 'approved']) {
    await moveEnquiry(request, headers, enquiryId, stage)
  }
}
