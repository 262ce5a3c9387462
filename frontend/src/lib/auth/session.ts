/**
 * The browser side of a session: the access token lives in this module's memory only (never
 * localStorage or sessionStorage), and a 401 is answered by one refresh through the HttpOnly
 * `__Host-refresh` cookie and one retry.
 *
 * localStorage holds only a hint that someone signed in on this browser, so a page load knows
 * whether a refresh is worth trying and other tabs learn of a sign-out. It is not a credential.
 */

const REFRESH_URL = '/api/v1/auth/refresh'
const HINT_KEY = 'fosterhub.signed-in'
/** Requests that must never trigger a refresh: signing in, and refreshing itself. */
const NO_REFRESH = ['/api/v1/auth/login', REFRESH_URL]
/** 401s about what the person typed (a wrong one-time code), not about the token. */
const CREDENTIAL_PROBLEMS = ['invalid-otp', 'invalid-credentials', 'otp-required'].map(
  (type) => `https://fosterhub.org.uk/problems/${type}`,
)

export type SessionEvent = 'expired' | 'signed-out-elsewhere'
type Listener = (event: SessionEvent) => void

let accessToken: string | null = null
let refreshing: Promise<string | null> | null = null
const listeners = new Set<Listener>()

export function getAccessToken(): string | null {
  return accessToken
}

export function setAccessToken(token: string): void {
  accessToken = token
  try {
    localStorage.setItem(HINT_KEY, '1')
  } catch {
    // Storage can be unavailable (private modes): the hint is an optimisation only.
  }
}

export function clearSession(): void {
  accessToken = null
  try {
    localStorage.removeItem(HINT_KEY)
  } catch {
    // As above.
  }
}

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1'
  } catch {
    return false
  }
}

export function onSessionEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function emit(event: SessionEvent): void {
  for (const listener of listeners) listener(event)
}

if (typeof window !== 'undefined') {
  // Signing out in another tab removes the hint: end this tab's session too.
  window.addEventListener('storage', (event) => {
    if (event.key === HINT_KEY && event.newValue === null && accessToken) {
      accessToken = null
      emit('signed-out-elsewhere')
    }
  })
}

async function requestRefresh(): Promise<string | null> {
  let response: Response
  try {
    response = await fetch(REFRESH_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fosterhub-web', Accept: 'application/json' },
    })
  } catch {
    return null
  }
  if (!response.ok) return null
  const body: unknown = await response.json()
  if (typeof body !== 'object' || body === null || !('access_token' in body) || typeof body.access_token !== 'string') {
    return null
  }
  setAccessToken(body.access_token)
  return body.access_token
}

/**
 * Trades the refresh cookie for a new access token. One refresh at a time: concurrent callers
 * share it, and across tabs a Web Lock serialises them, because the cookie rotates and spending
 * a spent one would end the session everywhere.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (refreshing) return refreshing
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
  const started: Promise<string | null> = locks
    ? new Promise((resolve, reject) => {
        // The lock is held until the refresh settles.
        locks
          .request('fosterhub-refresh', () => requestRefresh().then(resolve, reject))
          // No lock to be had (an opaque origin, say): refresh without one.
          .catch(() => requestRefresh().then(resolve, reject))
      })
    : requestRefresh()
  refreshing = started.finally(() => {
    refreshing = null
  })
  return refreshing
}

function withToken(request: Request, token: string | null): Request {
  const authorised = new Request(request)
  if (token) authorised.headers.set('Authorization', `Bearer ${token}`)
  return authorised
}

async function isAboutTheToken(response: Response): Promise<boolean> {
  try {
    const body: unknown = await response.clone().json()
    if (typeof body === 'object' && body !== null && 'type' in body && typeof body.type === 'string') {
      return !CREDENTIAL_PROBLEMS.includes(body.type)
    }
  } catch {
    // No JSON body: a bare 401 is about the token.
  }
  return true
}

function path(url: string): string {
  return new URL(url, 'http://localhost').pathname
}

/**
 * The `fetch` the typed API client uses: adds the bearer token, and on a 401 refreshes once
 * and retries once. When the session cannot be refreshed, listeners hear `expired` and the
 * 401 is returned to the caller.
 */
export async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone()
  const sentWith = accessToken
  const response = await fetch(withToken(request, sentWith))
  if (response.status !== 401 || NO_REFRESH.includes(path(request.url))) return response
  if (!(await isAboutTheToken(response))) return response
  const hadSession = sentWith !== null || hasSessionHint()
  // Another request may have refreshed while this one was in flight.
  const token = accessToken && accessToken !== sentWith ? accessToken : await refreshAccessToken()
  if (!token) {
    clearSession()
    if (hadSession) emit('expired')
    return response
  }
  return fetch(withToken(retry, token))
}
