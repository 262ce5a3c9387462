/** A person's own account: a new password, and an authenticator app for sign-in. */
import { TOTP } from 'otpauth'
import { checkPage, expect, signIn, signOut, test } from './support'

test('changing your password: the new one works, the old one no longer does', async ({ page }) => {
  const email = 'socialworker.liverpool@example.org'
  await signIn(page, email)
  await page.getByRole('link', { name: 'Your account' }).first().click()
  await page.getByRole('link', { name: 'Change password' }).click()

  await page.getByLabel('Current password').fill('wrong-password-here')
  await page.getByLabel('New password', { exact: true }).fill('a-much-better-passphrase')
  await page.getByLabel('Confirm new password').fill('a-much-better-passphrase')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('link', { name: 'Your current password is not right' })).toBeVisible()
  await checkPage(page, 'staff-change-password-errors')

  await page.getByLabel('Current password').fill('fosterhub-demo-2026')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Your password has been changed')).toBeVisible()
  await expect(page).toHaveURL(/\/staff\/account$/)
  await checkPage(page, 'staff-account-password-changed', { keyboard: false })

  await signOut(page)
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('fosterhub-demo-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible()
  await signIn(page, email, 'a-much-better-passphrase')
  await expect(page).toHaveURL(/\/staff$/)
})

test('setting up an authenticator app: a QR code, a confirmed code, then sign-in asks for one', async ({ page }) => {
  // An account no other journey signs in with: from here on it needs a code.
  const email = 'placements.knowsley@example.org'
  await signIn(page, email)
  await page.goto('/staff/account')
  await page.getByRole('link', { name: 'Set up an authenticator app' }).click()
  await page.getByRole('button', { name: 'Start setting up' }).click()

  const qr = page.getByRole('img', { name: 'QR code to add Foster Hub to your authenticator app' })
  await expect(qr).toBeVisible()
  expect(await qr.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg')
  const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
  await checkPage(page, 'staff-authenticator-qr')

  await page.getByLabel('Code from your authenticator app').fill('000000')
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByRole('link', { name: /That code did not match/ })).toBeVisible()

  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' })
  await page.getByLabel('Code from your authenticator app').fill(totp.generate())
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByText('Your authenticator app is set up')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^On$/ })).toBeVisible()

  await signOut(page)
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('fosterhub-demo-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const code = page.getByLabel('Enter the code from your authenticator app')
  await expect(code).toBeVisible()
  await expect(page).toHaveTitle('Enter your code – Fostering – Foster Hub')
  await checkPage(page, 'public-sign-in-code')
  // The next period's code: accepted (one step of drift is allowed) and not the one just used.
  await code.fill(totp.generate({ timestamp: Date.now() + 30_000 }))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/staff$/)
})
