/** The session in the browser: a lost or expired access token is replaced through the cookie. */
import { expect, signIn, test } from './support'

const ADMIN = 'admin.halton@example.org'

test('a page load resumes the session through the refresh cookie', async ({ page }) => {
  await signIn(page, ADMIN)
  await page.goto('/staff/users')
  await expect(page.getByRole('table')).toBeVisible()
  // The token was in memory only: a reload drops it, and the cookie brings the session back.
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200)
  await page.reload()
  await refreshed
  await expect(page).toHaveURL(/\/staff\/users$/)
  await expect(page.getByRole('table')).toContainText(ADMIN)
})

test('an expired access token is refreshed and the request retried, unseen', async ({ page }) => {
  await signIn(page, ADMIN)
  let expired = 0
  // The next users request meets an expired token, as it would after ten minutes.
  await page.route('**/api/v1/users?*', async (route) => {
    if (expired++ > 0) return route.fallback()
    await route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      body: JSON.stringify({ type: 'https://fosterhub.org.uk/problems/unauthorized', title: 'Not signed in', status: 401 }),
    })
  })
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200)
  await page.getByRole('link', { name: 'Users' }).first().click()
  await refreshed
  await expect(page.getByRole('table')).toContainText(ADMIN)
  expect(expired).toBe(2)
  await expect(page).toHaveURL(/\/staff\/users$/)
})

test('a session that cannot be refreshed goes to sign-in and then back where it was', async ({ page, context }) => {
  await signIn(page, ADMIN)
  await page.getByRole('link', { name: 'Your account' }).first().click()
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  // The session ends on the server's side: no refresh cookie, and the access token is refused.
  await context.clearCookies()
  await page.route('**/api/v1/users?*', (route) =>
    route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ type: 'https://fosterhub.org.uk/problems/unauthorized', title: 'Not signed in', status: 401 }) }),
  )
  await page.getByRole('link', { name: 'Users' }).first().click()
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff%2Fusers$/)
  await expect(page.getByText('Your session has ended')).toBeVisible()
  await page.unroute('**/api/v1/users?*')
  await signIn(page, ADMIN)
  await expect(page).toHaveURL(/\/staff\/users$/)
  await expect(page.getByRole('table')).toContainText(ADMIN)
})

test('opening a page after the session ended elsewhere asks to sign in, then goes there', async ({ page, context }) => {
  await signIn(page, ADMIN)
  await context.clearCookies()
  await page.goto('/staff/users?q=halton')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff%2Fusers%3Fq%3Dhalton$/)
  await signIn(page, ADMIN)
  await expect(page).toHaveURL(/\/staff\/users\?q=halton$/)
  await expect(page.getByLabel('Name or email')).toHaveValue('halton')
})
