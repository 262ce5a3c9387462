/** Every page of the app, in each area, passes axe (WCAG 2.2 A/AA) and the keyboard walk. */
import { checkPage, expect, signIn, test } from './support'

test('the app is served with its security headers, and an SPA fallback for deep links', async ({ page }) => {
  const response = await page.goto('/staff/users/anything')
  const headers = response?.headers() ?? {}
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).not.toContain('unsafe-inline')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBeTruthy()
  // Not signed in: the deep link goes to sign-in, and back after.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff%2Fusers%2Fanything$/)
})

test.describe('public pages', () => {
  test('the council chooser, a council, enquiring, and the site pages', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveTitle('Foster with your local council – Fostering – Foster Hub')
    await expect(page.getByRole('link', { name: 'Liverpool City Council' })).toBeVisible()
    await checkPage(page, 'public-choose-council')

    await page.getByRole('link', { name: 'Wirral Council' }).click()
    await expect(page).toHaveTitle('Fostering – Wirral Council – Foster Hub')
    await expect(page.getByRole('banner')).toContainText('Wirral Council')
    await checkPage(page, 'public-council-home')

    await page.getByRole('button', { name: 'Enquire about fostering' }).click()
    await expect(page.getByRole('heading', { name: 'Enquire about fostering' })).toBeVisible()
    await checkPage(page, 'public-enquire')

    await page.goto('/accessibility')
    await checkPage(page, 'public-accessibility')
    await page.goto('/sign-in')
    await checkPage(page, 'public-sign-in')
  })

  test('each area has a not-found page', async ({ page }) => {
    await page.goto('/no-such-page')
    await expect(page).toHaveTitle('Page not found – Fostering – Foster Hub')
    await checkPage(page, 'public-not-found')
    await page.goto('/councils/nowhere')
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()

    await signIn(page, 'carer.okafor.liverpool@example.org')
    await page.goto('/portal/no-such-page')
    await expect(page).toHaveTitle('Page not found – Carers’ portal – Liverpool City Council – Foster Hub')
    await checkPage(page, 'portal-not-found')
  })
})

test('the carers’ portal', async ({ page }) => {
  await signIn(page, 'carer.okafor.liverpool@example.org')
  await expect(page).toHaveURL(/\/portal$/)
  await expect(page).toHaveTitle('Home – Carers’ portal – Liverpool City Council – Foster Hub')
  await checkPage(page, 'portal-home')
  await page.getByRole('link', { name: 'Your account' }).first().click()
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await checkPage(page, 'portal-account')
  await page.getByRole('link', { name: 'Change password' }).click()
  await checkPage(page, 'portal-change-password')
  await page.goto('/portal/account/authenticator')
  await checkPage(page, 'portal-authenticator')
})

test('the staff workspace, as an administrator', async ({ page }) => {
  await signIn(page, 'admin.sefton@example.org')
  await expect(page).toHaveURL(/\/staff$/)
  await expect(page).toHaveTitle('Home – Staff workspace – Sefton Council – Foster Hub')
  await checkPage(page, 'staff-home')

  await page.getByRole('link', { name: 'Users' }).first().click()
  await expect(page.getByRole('table')).toBeVisible()
  await checkPage(page, 'staff-users')

  await page.getByRole('button', { name: 'Add a person' }).click()
  await checkPage(page, 'staff-user-new')
  await page.getByLabel('I will set one').check()
  await checkPage(page, 'staff-user-new-set-password')

  await page.goto('/staff/users')
  await page.getByRole('link', { name: 'Riley Recruiter' }).click()
  await expect(page.getByRole('button', { name: 'Deactivate account' })).toBeVisible()
  await checkPage(page, 'staff-user')
  await page.getByRole('button', { name: 'Deactivate account' }).click()
  await checkPage(page, 'staff-user-deactivate')

})

test('the staff workspace: your account, and pages that are not there', async ({ page }) => {
  await signIn(page, 'admin.sefton@example.org')
  await page.goto('/staff/account')
  await checkPage(page, 'staff-account')
  await page.goto('/staff/account/password')
  await checkPage(page, 'staff-change-password')
  await page.goto('/staff/account/authenticator')
  await checkPage(page, 'staff-authenticator')
  await page.goto('/staff/users/not-a-user')
  await checkPage(page, 'staff-user-not-found')
  await page.goto('/staff/nowhere')
  await expect(page).toHaveTitle('Page not found – Staff workspace – Sefton Council – Foster Hub')
  await checkPage(page, 'staff-not-found')
})

test('staff who are not administrators cannot manage users', async ({ page }) => {
  await signIn(page, 'manager.knowsley@example.org')
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0)
  await page.goto('/staff/users')
  await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
  await checkPage(page, 'staff-forbidden')
})
