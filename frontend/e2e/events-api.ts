/** Set-up through the API for the events and training journeys: staff tokens, events, courses. */
import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'
import { PASSWORD } from './support'

export async function tokenFor(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } })
  expect(login.status(), await login.text()).toBe(200)
  const { access_token } = (await login.json()) as { access_token: string }
  return { Authorization: `Bearer ${access_token}` }
}

export interface CreatedEvent {
  id: string
  title: string
  starts_at: string
}

/** A published event; `startsInMs` from now (London time is the API's business). */
export async function createEvent(
  request: APIRequestContext,
  headers: Record<string, string>,
  body: Record<string, unknown> & { title: string },
  startsInMs = 3 * 24 * 3600_000,
  lastsMs = 2 * 3600_000,
): Promise<CreatedEvent> {
  const starts = new Date(Date.now() + startsInMs)
  const ends = new Date(starts.getTime() + lastsMs)
  const response = await request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'information_evening',
      audience: 'public',
      starts_at: starts.toISOString(),
      ends_at: ends.toISOString(),
      venue: { name: 'Community room', address: '1 Church St, Liverpool', postcode: 'L1 1DA' },
      status: 'published',
      ...body,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as CreatedEvent
}

export async function registerFor(request: APIRequestContext, eventId: string, name: string, email: string): Promise<string> {
  const response = await request.post(`/api/v1/events/${eventId}/registrations`, { data: { name, email } })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { status: string }).status
}

export async function createCourse(
  request: APIRequestContext,
  headers: Record<string, string>,
  body: { name: string; is_tsd?: boolean; valid_for_months?: number },
): Promise<string> {
  const response = await request.post('/api/v1/training/courses', { headers, data: body })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** A name no other test run uses, so journeys running side by side do not meet. */
export function unique(prefix: string): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 7)}`
}
