/** Signing in and out, where people land, and what their roles let them open. */
import { checkPage, expect, signIn, signOut, test } from './support'

test('an administrator signs in and out; the refresh cookie is HttpOnly and the token is never stored', async ({ page, context }) => {
  const tokens: string[] = []
  page.on('response', async (response) => {
    if (response.url().endsWith('/api/v1/auth/login') && response.ok()) {
      tokens.push(((await response.json()) as { access_token: string }).access_token)
    }
  })
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').getByText('Enter your email address')).toBeVisible()
  await expect(page).toHaveTitle(/^Error: Sign in/)
  await checkPage(page, 'public-sign-in-errors')

  await page.getByLabel('Email address').fill('admin.liverpool@example.org')
  await page.getByLabel('Password', { exact: true }).fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible()

  await signIn(page, 'admin.liverpool@example.org')
  await expect(page).toHaveURL(/\/staff$/)
  await expect(page.getByRole('heading', { name: 'Hello, Alex Admin' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Liverpool City Council')

  // Chromium keeps a Secure, __Host- cookie over plain http on 127.0.0.1 (a secure context).
  const cookie = (await context.cookies()).find((c) => c.name === '__Host-refresh')
  expect(cookie, 'the refresh cookie was set').toBeDefined()
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('__Host-refresh')

  // The access token lives in memory only.
  expect(tokens).toHaveLength(1)
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  expect(stored).not.toContain(tokens[0])

  await signOut(page)
  await checkPage(page, 'public-signed-out')
  expect((await context.cookies()).find((c) => c.name === '__Host-refresh')).toBeUndefined()
  await page.goto('/staff')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff$/)
})

test('a carer cannot open staff pages and is taken to the portal', async ({ page }) => {
  await signIn(page, 'carer.jones.liverpool@example.org')
  await expect(page).toHaveURL(/\/portal$/)
  await page.goto('/staff/users')
  await expect(page).toHaveURL(/\/portal$/)
  await expect(page.getByText('That page is for council staff')).toBeVisible()
  await checkPage(page, 'portal-home-denied', { keyboard: false })
  // Through the app's own navigation too, not only a fresh page load.
  await page.getByRole('link', { name: 'Your account' }).first().click()
  await page.evaluate(() => {
    history.pushState({}, '', '/staff')
    dispatchEvent(new PopStateEvent('popstate'))
  })
  await expect(page).toHaveURL(/\/portal$/)
})

test('signing in with a next address goes back there, but never off the site', async ({ page }) => {
  await page.goto('/sign-in?next=%2F%2Fexample.org%2Fsteal')
  await signIn(page, 'recruitment.halton@example.org')
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/staff$/)
})
