/** An administrator looks after the council's users: lists, adds and deactivates them. */
import { checkPage, expect, signIn, test } from './support'

test('an administrator sees the users list, adds a person and deactivates them', async ({ page, browser }) => {
  await signIn(page, 'admin.knowsley@example.org')
  await page.getByRole('link', { name: 'Users' }).first().click()
  const table = page.getByRole('table')
  await expect(table).toContainText('manager.knowsley@example.org')
  await expect(table).toContainText('Alex Admin')

  await page.getByLabel('Role').selectOption('manager')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/role=manager/)
  await expect(table.getByRole('row')).toHaveCount(2)

  // Add a person: the form says what is missing first.
  await page.goto('/staff/users')
  await page.getByRole('button', { name: 'Add a person' }).click()
  await page.getByRole('button', { name: 'Add person' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText([
    'Enter their full name',
    'Enter their email address',
    'Select at least one role',
    'Select how they get their first password',
  ])
  await expect(page).toHaveTitle(/^Error: Add a person – Staff workspace – Knowsley Council – Foster Hub$/)
  await checkPage(page, 'staff-user-new-errors')
  await summary.getByRole('link', { name: 'Enter their full name' }).click()
  await expect(page.getByLabel('Full name')).toBeFocused()

  await page.getByLabel('Full name').fill('Casey Newperson')
  await page.getByLabel('Email address').fill('casey.newperson@example.org')
  await page.getByLabel('Social worker').check()
  await page.getByLabel('Make one for them').check()
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByRole('heading', { name: 'Account created' })).toBeVisible()
  const password = (await page.locator('#generated-password').textContent())?.trim() ?? ''
  expect(password.length).toBeGreaterThanOrEqual(10)
  await checkPage(page, 'staff-user-created')

  // The same email again is refused on the email field.
  await page.goto('/staff/users/new')
  await page.getByLabel('Full name').fill('Casey Again')
  await page.getByLabel('Email address').fill('casey.newperson@example.org')
  await page.getByLabel('Social worker').check()
  await page.getByLabel('Make one for them').check()
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByRole('link', { name: 'Someone with that email address already has an account' })).toBeVisible()

  // The new person can sign in with the password they were given...
  const other = await browser.newContext()
  const theirs = await other.newPage()
  await signIn(theirs, 'casey.newperson@example.org', password)
  await expect(theirs).toHaveURL(/\/staff$/)

  // ... until an administrator deactivates the account.
  await page.goto('/staff/users?q=casey')
  await page.getByRole('link', { name: 'Casey Newperson' }).click()
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByRole('heading', { name: 'Are you sure you want to deactivate this account?' })).toBeVisible()
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByText('Casey Newperson’s account is deactivated')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'Deactivated' })).toBeVisible()
  await checkPage(page, 'staff-user-deactivated')

  // Their session ends: it cannot be refreshed (here, on their next page load), and signing in
  // again is refused.
  await theirs.reload()
  await expect(theirs).toHaveURL(/\/sign-in\?next=%2Fstaff$/)
  await signInRefused(theirs, 'casey.newperson@example.org', password)
  await other.close()

  await page.getByRole('button', { name: 'Reactivate account' }).click()
  await expect(page.getByText('Casey Newperson can sign in again')).toBeVisible()
})

async function signInRefused(page: import('@playwright/test').Page, email: string, password: string) {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible()
}

test('a stale edit is refused rather than overwriting someone else’s change', async ({ page, browser }) => {
  await signIn(page, 'admin.wirral@example.org')
  await page.goto('/staff/users?q=placements')
  await page.getByRole('link', { name: 'Pat Placements' }).click()
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByRole('heading', { name: 'Are you sure you want to deactivate this account?' })).toBeVisible()

  // Meanwhile another administrator's change goes in first (through the API directly).
  const other = await browser.newContext()
  const api = other.request
  const login = await api.post('/api/v1/auth/login', { data: { email: 'admin.wirral@example.org', password: 'fosterhub-demo-2026' } })
  const token = ((await login.json()) as { access_token: string }).access_token
  const headers = { Authorization: `Bearer ${token}` }
  const list = await api.get('/api/v1/users?q=placements', { headers })
  const id = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? ''
  const current = await api.get(`/api/v1/users/${id}`, { headers })
  const changed = await api.patch(`/api/v1/users/${id}`, {
    headers: { ...headers, 'If-Match': current.headers().etag ?? '' },
    data: { display_name: 'Pat Placements-Smith' },
  })
  expect(changed.status()).toBe(200)
  await other.close()

  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await expect(page.getByRole('alert')).toContainText('Someone else changed this account')
})
