import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { authFetch, clearSession, getAccessToken, onSessionEvent, refreshAccessToken, setAccessToken } from './session'

const ORIGIN = 'http://127.0.0.1:8765'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const unauthorized = () => json(401, { type: 'https://fosterhub.org.uk/problems/unauthorized', title: 'Not signed in', status: 401 })

/** A fake server: the refresh route answers from `refreshes`, everything else from `answer`. */
function server(answer: (request: Request) => Response, refreshes: Response[] = []) {
  const seen: { url: string; authorization: string | null; body?: string }[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), ORIGIN), init)
    const body = request.method === 'GET' ? undefined : await request.clone().text()
    seen.push({ url: new URL(request.url).pathname, authorization: request.headers.get('Authorization'), body })
    if (new URL(request.url).pathname === '/api/v1/auth/refresh') {
      expect(request.headers.get('X-Requested-With')).toBeTruthy()
      return refreshes.shift() ?? unauthorized()
    }
    return answer(request)
  })
  vi.stubGlobal('fetch', fetchMock)
  return seen
}

describe('the browser session', () => {
  beforeEach(() => clearSession())
  afterEach(() => vi.unstubAllGlobals())

  it('keeps the access token in memory only, never in web storage', () => {
    setAccessToken('secret-access-token')
    expect(getAccessToken()).toBe('secret-access-token')
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
    expect(stored).not.toContain('secret-access-token')
  })

  it('sends the bearer token', async () => {
    setAccessToken('t1')
    const seen = server(() => json(200, { ok: true }))
    const response = await authFetch(new Request(`${ORIGIN}/api/v1/account`))
    expect(response.status).toBe(200)
    expect(seen[0]?.authorization).toBe('Bearer t1')
  })

  it('refreshes through the cookie on a 401 and retries the request once, body and all', async () => {
    setAccessToken('expired')
    const seen = server(
      (request) => (request.headers.get('Authorization') === 'Bearer fresh' ? json(201, { made: true }) : unauthorized()),
      [json(200, { access_token: 'fresh', token_type: 'bearer', expires_in: 600 })],
    )
    const response = await authFetch(
      new Request(`${ORIGIN}/api/v1/users`, { method: 'POST', body: JSON.stringify({ email: 'a@example.org' }) }),
    )
    expect(response.status).toBe(201)
    expect(getAccessToken()).toBe('fresh')
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/users', '/api/v1/auth/refresh', '/api/v1/users'])
    expect(seen[2]?.body).toBe('{"email":"a@example.org"}')
  })

  it('shares one refresh between requests that fail together (the cookie rotates)', async () => {
    setAccessToken('expired')
    const seen = server(
      (request) => (request.headers.get('Authorization') === 'Bearer fresh' ? json(200, {}) : unauthorized()),
      [json(200, { access_token: 'fresh', token_type: 'bearer', expires_in: 600 })],
    )
    const answers = await Promise.all([1, 2, 3].map(() => authFetch(new Request(`${ORIGIN}/api/v1/account`))))
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200])
    expect(seen.filter((s) => s.url === '/api/v1/auth/refresh')).toHaveLength(1)
  })

  it('ends the session when it cannot be refreshed, and says so', async () => {
    setAccessToken('expired')
    server(() => unauthorized())
    const events: string[] = []
    const stop = onSessionEvent((event) => events.push(event))
    const response = await authFetch(new Request(`${ORIGIN}/api/v1/account`))
    stop()
    expect(response.status).toBe(401)
    expect(getAccessToken()).toBeNull()
    expect(events).toEqual(['expired'])
    expect(localStorage.length).toBe(0)
  })

  it('does not refresh for a wrong one-time code, which is not about the token', async () => {
    setAccessToken('good')
    const seen = server(() => json(401, { type: 'https://fosterhub.org.uk/problems/invalid-otp', title: 'Wrong code', status: 401 }))
    const response = await authFetch(new Request(`${ORIGIN}/api/v1/auth/totp/confirm`, { method: 'POST', body: '{}' }))
    expect(response.status).toBe(401)
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/auth/totp/confirm'])
    expect(getAccessToken()).toBe('good')
  })

  it('never refreshes for a failed sign-in', async () => {
    const seen = server(() => json(401, { type: 'https://fosterhub.org.uk/problems/invalid-credentials', title: 'No', status: 401 }))
    await authFetch(new Request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', body: '{}' }))
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/auth/login'])
  })

  it('refreshAccessToken answers null when there is no cookie', async () => {
    server(() => json(200, {}))
    await expect(refreshAccessToken()).resolves.toBeNull()
  })
})
