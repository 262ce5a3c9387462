/**
 * The council's settings: an administrator changes stage targets, contact attempts, keeping in
 * touch, the referral reward and office hours (the screen's errors, then the API's, then saved),
 * someone else's change meanwhile is not overwritten (412), and a manager reads them.
 */
import type { Page } from '@playwright/test'
import { bearer } from './recruitment-api'
import { checkPage, expect, signIn, signOut, test } from './support'

// St Helens: no other journey depends on its targets, attempts or office hours.
const ADMIN = 'admin.st-helens@example.org'
const MANAGER = 'manager.st-helens@example.org'

interface Settings {
  stage_targets: Record<string, { amount: number; unit: string; from_stage: string | null }>
  referral_reward_pence: number
  office_hours: { weekdays: number[]; opens: string; closes: string; out_of_hours_phone: string | null }
  retention: Record<string, number>
  fostering_types: string[]
}

function stage(page: Page, name: string) {
  return page.getByRole('group', { name, exact: true })
}

function row(page: Page, key: string | RegExp) {
  return page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: key }) }).locator('dd')
}

test('an administrator changes the council’s settings; a stale edit is refused; a manager reads them', async ({ page, request }) => {
  test.slow()
  const admin = await bearer(request, ADMIN)
  const before = (await (await request.get('/api/v1/council-settings', { headers: admin })).json()) as Settings

  await signIn(page, ADMIN)
  await page.getByRole('link', { name: 'Settings', exact: true }).first().click()
  await expect(page).toHaveURL(/\/staff\/settings$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Council settings' })).toBeVisible()
  await expect(page).toHaveTitle('Council settings – Staff workspace – St Helens Borough Council – Foster Hub')
  // The settings as they are, every stage shown, including those with no target.
  await expect(stage(page, 'Initial contact').getByLabel('Time allowed to reach initial contact')).toHaveValue('1')
  await expect(stage(page, 'Initial contact').getByLabel('Counted in for initial contact')).toHaveValue('working_days')
  await expect(stage(page, 'Panel').getByLabel('Time allowed to reach panel')).toHaveValue('8')
  await expect(stage(page, 'Panel').getByLabel('Counted from for panel')).toHaveValue('application')
  await expect(stage(page, 'Assessment (stage 2)').getByLabel('Time allowed to reach assessment (stage 2)')).toHaveValue('')
  await expect(page.getByLabel('Failed contact attempts before closing as no response is offered')).toHaveValue(String(before.retention.failed_contact_attempts_before_no_response))
  await expect(page.getByLabel('Reward in pounds for a carer whose referral is approved')).toHaveValue(String(before.referral_reward_pence / 100))
  await checkPage(page, 'staff-settings')

  // What the screen can tell at once: a time that is not one.
  await page.getByLabel('Opens').fill('9 o’clock')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('link', { name: 'Opening time must be a time on the 24-hour clock, like 09:00' })).toBeVisible()
  await expect(page.locator('#opens-error')).toContainText('Opening time must be a time on the 24-hour clock')
  await expect(page).toHaveTitle(/^Error: Council settings/)
  // Nothing was sent: the API never saw the time.
  await checkPage(page, 'staff-settings-screen-errors')

  // What only the API knows, its ranges: its field errors land on the fields.
  await page.getByLabel('Opens').fill('8:30')
  await page.getByLabel('Failed contact attempts before closing as no response is offered').fill('0')
  await page.getByLabel('Reward in pounds for a carer whose referral is approved').fill('100,000.01')
  // The regulations' three years at least: the API's rule, which the screen does not repeat.
  await expect(page.getByLabel('Years to keep closed enquiries that reached an application')).toHaveValue(String(before.retention.closed_application_years))
  await page.getByLabel('Years to keep closed enquiries that reached an application').fill('2')
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/v1/council-settings')),
    page.getByRole('button', { name: 'Save settings' }).click(),
  ])
  expect(refused.status()).toBe(422)
  const summary = page.locator('.govuk-error-summary')
  await expect(summary.getByRole('link', { name: 'Failed contact attempts must be 1 or more' })).toHaveAttribute('href', '#retention-failed-contact-attempts-before-no-response')
  await expect(summary.getByRole('link', { name: 'Referral reward must be £100,000 or less' })).toHaveAttribute('href', '#referral-reward')
  await expect(summary.getByRole('link', { name: 'Years to keep closed enquiries that reached an application must be 3 or more' })).toHaveAttribute(
    'href',
    '#retention-closed-application-years',
  )
  await expect(page.locator('#retention-failed-contact-attempts-before-no-response-error')).toContainText('Failed contact attempts must be 1 or more')
  await expect(page.locator('#referral-reward-error')).toContainText('Referral reward must be £100,000 or less')
  await expect(page).toHaveTitle(/^Error: Council settings/)
  await checkPage(page, 'staff-settings-errors')

  // Corrected, with a new target for assessment and Saturday mornings open.
  await page.getByLabel('Failed contact attempts before closing as no response is offered').fill('4')
  await page.getByLabel('Months before contacting people again').fill('12')
  await page.getByLabel('Reward in pounds for a carer whose referral is approved').fill('750')
  await page.getByLabel('Years to keep closed enquiries that reached an application').fill('7')
  await stage(page, 'Assessment (stage 2)').getByLabel('Time allowed to reach assessment (stage 2)').fill('4')
  await stage(page, 'Assessment (stage 2)').getByLabel('Counted in for assessment (stage 2)').selectOption('months')
  await page.getByLabel('Saturday').check()
  await page.getByLabel('Out-of-hours phone number (optional)').fill('01744 000 999')
  const [saved] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith('/api/v1/council-settings')),
    page.getByRole('button', { name: 'Save settings' }).click(),
  ])
  await expect(page.getByRole('alert').getByText('Settings saved')).toBeVisible()
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0)
  await expect(page).toHaveTitle(/^Council settings/)
  await expect(page.getByLabel('Opens')).toHaveValue('08:30')
  await checkPage(page, 'staff-settings-saved')
  // The whole set of targets is sent, since it replaces the stored set.
  expect((saved.postDataJSON() as Settings).stage_targets).toEqual({
    initial_contact: { amount: 1, unit: 'working_days', from_stage: null },
    initial_visit: { amount: 5, unit: 'working_days', from_stage: null },
    assessment: { amount: 4, unit: 'months', from_stage: null },
    panel: { amount: 8, unit: 'months', from_stage: 'application' },
  })
  const after = (await (await request.get('/api/v1/council-settings', { headers: admin })).json()) as Settings
  expect(after).toMatchObject({
    referral_reward_pence: 75000,
    retention: { ...before.retention, failed_contact_attempts_before_no_response: 4, recontact_after_months: 12, closed_application_years: 7 },
    office_hours: { weekdays: [0, 1, 2, 3, 4, 5], opens: '08:30', closes: '17:00', out_of_hours_phone: '01744 000 999' },
    fostering_types: before.fostering_types,
  })
  expect(Object.keys(after.stage_targets).sort()).toEqual(['assessment', 'initial_contact', 'initial_visit', 'panel'])

  // Someone else changes the reward while the form is open: the next save is refused, not lost silently.
  await page.getByLabel('Months before contacting people again').fill('9')
  const read = await request.get('/api/v1/council-settings', { headers: admin })
  const meanwhile = await request.patch('/api/v1/council-settings', { headers: { ...admin, 'If-Match': read.headers().etag ?? '' }, data: { referral_reward_pence: 80000 } })
  expect(meanwhile.status(), await meanwhile.text()).toBe(200)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Someone changed the settings while you were editing them')).toBeVisible()
  // The form shows the latest settings: their reward, and the months as they were saved.
  await expect(page.getByLabel('Reward in pounds for a carer whose referral is approved')).toHaveValue('800')
  await expect(page.getByLabel('Months before contacting people again')).toHaveValue('12')
  await checkPage(page, 'staff-settings-stale')
  await page.getByLabel('Months before contacting people again').fill('9')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('alert').getByText('Settings saved')).toBeVisible()
  await expect(page.getByText('Someone changed the settings while you were editing them')).toHaveCount(0)
  const latest = (await (await request.get('/api/v1/council-settings', { headers: admin })).json()) as Settings
  expect(latest.retention.recontact_after_months).toBe(9)
  expect(latest.referral_reward_pence).toBe(80000)

  // A manager reads the settings but cannot change them.
  await signOut(page)
  await signIn(page, MANAGER)
  await page.getByRole('link', { name: 'Settings', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Council settings' })).toBeVisible()
  await expect(page.getByText('Only your council’s administrators can change these settings.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0)
  await expect(row(page, 'Assessment (stage 2)')).toHaveText('4 months, counted from application (stage 1)')
  await expect(row(page, 'Initial contact')).toHaveText('1 working day, counted from new enquiry')
  await expect(row(page, 'Failed contact attempts before closing as no response is offered')).toHaveText('4')
  await expect(row(page, 'Months before contacting people again')).toHaveText('9')
  await expect(row(page, 'Years to keep closed enquiries that reached an application')).toHaveText('7')
  await expect(row(page, 'Reward for a carer whose referral is approved')).toHaveText('£800')
  await expect(row(page, 'Days open')).toHaveText('Monday, Tuesday, Wednesday, Thursday, Friday, Saturday')
  await checkPage(page, 'staff-settings-manager')

  // The public page about enquiring shows the new office hours.
  await page.goto('/councils/st-helens/enquire')
  await expect(row(page, 'Opening times')).toHaveText('Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, 08:30 to 17:00')
})

test('staff other than administrators and managers are not offered the settings', async ({ page }) => {
  await signIn(page, 'recruitment.st-helens@example.org')
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toHaveCount(0)
  await page.goto('/staff/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeVisible()
  await expect(page.getByText('Only your council’s administrators and managers can see its settings.')).toBeVisible()
})
