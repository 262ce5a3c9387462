/**
 * The staff side of recruitment: the pipeline board, lists and the overdue queue, closing an
 * enquiry with a reason, campaigns and their QR codes, referrals and rewards, data protection,
 * and the carers' portal's referral code and household.
 */
import { readFile } from 'node:fs/promises'
import { approveEnquiry, bearer, createEnquiry, referralCodeOf } from './recruitment-api'
import { checkPage, expect, signIn, test } from './support'

test('the pipeline board leads to the lists; a withdrawal needs a reason', async ({ page, request }) => {
  const enquiry = await createEnquiry(request, 'sefton', 'Imogen', 'Featherstone')
  await signIn(page, 'recruitment.sefton@example.org')

  await page.getByRole('link', { name: 'Pipeline', exact: true }).first().click()
  await expect(page.getByRole('table', { name: 'Open enquiries by stage' })).toBeVisible()
  await checkPage(page, 'staff-pipeline')
  await page.getByRole('link', { name: /^\d+ at New enquiry$/ }).click()
  await expect(page).toHaveURL(/\/staff\/enquiries\?stage=enquiry$/)
  await expect(page.getByRole('checkbox', { name: 'New enquiry' })).toBeChecked()

  // The whole list, a page at a time: Next, then Previous back to the first page.
  await page.goto('/staff/enquiries')
  await expect(page.getByRole('table')).toBeVisible()
  await checkPage(page, 'staff-enquiries')
  const first = await page.getByRole('table').locator('tbody tr').first().textContent()
  await page.getByRole('link', { name: 'Next page' }).click()
  await expect(page).toHaveURL(/cursor=/)
  await expect(page.getByRole('link', { name: 'Previous page' })).toBeVisible()
  await expect(page.getByRole('table').locator('tbody tr').first()).not.toHaveText(first ?? '')
  await page.getByRole('link', { name: 'Previous page' }).click()
  await expect(page).not.toHaveURL(/cursor=/)
  await expect(page.getByRole('table').locator('tbody tr').first()).toHaveText(first ?? '')

  await page.goto('/staff/enquiries/overdue')
  await expect(page.getByRole('heading', { level: 1, name: 'Overdue queue' })).toBeVisible()
  await expect(page.getByLabel('Assigned to')).toHaveValue('me')
  await checkPage(page, 'staff-overdue')

  await page.goto(`/staff/enquiries/${enquiry.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Imogen Featherstone' })).toBeVisible()
  await checkPage(page, 'staff-enquiry')
  await page.getByRole('button', { name: 'Record a contact attempt' }).click()
  await page.getByRole('button', { name: 'Save contact attempt' }).click()
  await expect(page.getByRole('link', { name: 'Select how you tried to contact them' })).toBeVisible()
  await checkPage(page, 'staff-contact-attempt')
  await page.getByRole('link', { name: 'Cancel' }).click()

  // Closing as withdrawn asks for one of Ofsted's reasons.
  await page.getByRole('button', { name: 'Move or close' }).click()
  await page.getByLabel('Close: withdrawn').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('link', { name: 'Select a reason for withdrawn' })).toBeVisible()
  await expect(page).toHaveTitle(/^Error: Move or close/)
  await checkPage(page, 'staff-move-errors')
  await page.getByLabel('Reason for closing as withdrawn').selectOption('AW3')
  await page.getByLabel('Note (optional)').fill('Moving to Scotland next spring.')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('alert').getByText('Moved to Withdrawn')).toBeVisible()
  await expect(page.getByText('A change in household circumstances. Moving to Scotland next spring.')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /: A change in household circumstances$/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Move or close' })).toHaveCount(0)

  // On withdrawing they agreed to hear from the council again: recorded for the re-contact list.
  await page.getByRole('link', { name: 'Correct details' }).click()
  await page.getByLabel('They agree to hear from us about fostering news and events').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Details corrected')).toBeVisible()
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'News about events' }).locator('dd')).toHaveText('Yes')
})

test('a campaign is created with its code, landing address and QR code', async ({ page }) => {
  await signIn(page, 'recruitment.knowsley@example.org')
  await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible()
  await checkPage(page, 'staff-campaigns')

  await page.getByRole('button', { name: 'Create a campaign' }).click()
  await page.getByRole('button', { name: 'Create campaign' }).click()
  await expect(page.getByRole('link', { name: 'Enter a name for the campaign' })).toBeVisible()
  await page.getByLabel('An ambassador’s personal code').check()
  await checkPage(page, 'staff-campaign-new-errors')
  await page.getByLabel('Name').fill('Councillor Patel’s code')
  await page.getByLabel('Who carries the code?').selectOption('councillor')
  await page.getByLabel('Where will people see it?').selectOption('word_of_mouth')
  await page.getByLabel('Partner organisation (optional)').fill('Huyton Rugby Club')
  await page.getByLabel('Cost in pounds (optional)').fill('1,250.5')
  await page.getByRole('button', { name: 'Create campaign' }).click()

  await expect(page.getByText('Councillor Patel’s code is ready')).toBeVisible()
  const code = ((await page.locator('#campaign-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^[A-Z0-9]{4,16}$/)
  await expect(page.locator('#landing-url')).toHaveText(new RegExp(`/api/v1/campaigns/${code}/landing$`))
  await expect(page.getByRole('definition').filter({ hasText: '£1,250.50' })).toBeVisible()
  const qr = page.getByRole('img', { name: `QR code for Councillor Patel’s code (code ${code})` })
  await expect(qr).toBeVisible()
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
  const download = page.getByRole('link', { name: 'Download QR code (SVG)' })
  await expect(download).toHaveAttribute('download', `campaign-${code}.svg`)
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()])
  expect(file.suggestedFilename()).toBe(`campaign-${code}.svg`)
  expect(await readFile(await file.path(), 'utf8')).toContain('<svg')
  await checkPage(page, 'staff-campaign')

  await page.getByRole('link', { name: 'Back to campaigns' }).click()
  await expect(page.getByRole('link', { name: 'Councillor Patel’s code' })).toBeVisible()
})

test('a carer sees their referral code, share link and household', async ({ page }) => {
  await signIn(page, 'carer.jones.liverpool@example.org')
  await page.getByRole('link', { name: 'Refer a friend' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Refer a friend' })).toBeVisible()
  const code = ((await page.locator('#referral-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^[A-Z0-9]{4,16}$/)
  await expect(page.locator('#share-link')).toHaveAttribute('href', new RegExp(`/enquire\\?council=liverpool&referral=${code}$`))
  await checkPage(page, 'portal-refer-a-friend')

  await page.getByRole('link', { name: 'My household' }).first().click()
  await expect(page.getByText('The Jones household')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'Yes: you mentor new applicants' })).toBeVisible()
  await checkPage(page, 'portal-household')
})

test('an administrator marks a referral reward paid, exports and erases a person, and a stale edit is refused', async ({ page, request }) => {
  test.slow()
  const officer = await bearer(request, 'recruitment.sefton@example.org')
  const code = await referralCodeOf(request, 'carer.khan.sefton@example.org')
  const referred = await createEnquiry(request, 'sefton', 'Rhiannon', 'Blackwood', { channel: 'referral', referral_code: code })
  await approveEnquiry(request, officer, referred.id)
  const other = await createEnquiry(request, 'sefton', 'Tobias', 'Wren')

  await signIn(page, 'admin.sefton@example.org')
  await page.goto('/staff/referrals?status=due')
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible()
  await checkPage(page, 'staff-referrals')
  await page.getByRole('link', { name: `Mark paid for ${referred.reference}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: referred.reference })).toBeVisible()
  await checkPage(page, 'staff-referral')
  await page.getByRole('button', { name: 'Mark paid' }).click()
  await expect(page.getByText('Reward marked paid')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^Paid$/ })).toBeVisible()

  // The referrer's household: put on hold.
  await expect(page.getByRole('definition').filter({ hasText: 'The Khan household' })).toBeVisible()
  await page.getByRole('link', { name: 'The Khan household' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'The Khan household' })).toBeVisible()
  await checkPage(page, 'staff-carer')
  await page.getByRole('button', { name: 'Change status' }).click()
  await checkPage(page, 'staff-carer-status')
  await page.getByLabel('On hold').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Status changed')).toBeVisible()
  await page.getByRole('button', { name: 'Change status' }).click()
  await page.getByLabel('Approved', { exact: true }).check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Status changed')).toBeVisible()
  await page.getByRole('button', { name: 'Change approval terms' }).click()
  await checkPage(page, 'staff-carer-terms')
  await page.getByLabel('Number of places').fill('3')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Approval terms changed')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^3$/ })).toBeVisible()

  // Someone else corrects the details while the form is open: the change is refused (412).
  await page.goto(`/staff/enquiries/${other.id}/edit`)
  await expect(page.getByRole('heading', { level: 1, name: 'Correct details' })).toBeVisible()
  await checkPage(page, 'staff-enquiry-edit')
  const read = await request.get(`/api/v1/enquiries/${other.id}`, { headers: officer })
  const patched = await request.patch(`/api/v1/enquiries/${other.id}`, {
    headers: { ...officer, 'If-Match': read.headers().etag ?? '' },
    data: { last_name: 'Wrenn' },
  })
  expect(patched.status(), await patched.text()).toBe(200)
  await page.getByLabel('Phone number (optional)').fill('0151 496 0000')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Someone changed this enquiry while you were editing it')).toBeVisible()
  await expect(page.getByLabel('Last name')).toHaveValue('Wrenn')
  await page.getByLabel('Phone number (optional)').fill('0151 496 0000')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Details corrected')).toBeVisible()

  // A subject access export, then erasure.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download everything held (JSON)' }).click()])
  expect(file.suggestedFilename()).toBe(`${other.reference}.json`)
  expect(JSON.parse(await readFile(await file.path(), 'utf8'))).toMatchObject({ enquiry: { reference: other.reference } })
  await page.getByRole('button', { name: 'Erase personal details' }).click()
  await checkPage(page, 'staff-enquiry-erase')
  await page.getByRole('button', { name: 'Erase personal details' }).click()
  await expect(page.getByText('The person’s details are erased')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Tobias Wrenn' })).toHaveCount(0)
})

test('the carers list; not-found pages for records that are not there; only administrators erase', async ({ page }) => {
  await signIn(page, 'placements.wirral@example.org')
  await page.getByRole('link', { name: 'Carers', exact: true }).first().click()
  await expect(page.getByRole('table')).toBeVisible()
  await checkPage(page, 'staff-carers')
  await page.goto('/staff/enquiries/not-an-enquiry')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await page.goto('/staff/campaigns/not-a-campaign')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await page.goto('/staff/carers/not-a-household')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await page.goto('/staff/enquiries/not-an-enquiry/erase')
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot see this page' })).toBeVisible()
})

test('an officer assigns an enquiry to a colleague by name, and finds it by assignee', async ({ page, request }) => {
  const enquiry = await createEnquiry(request, 'knowsley', 'Percival', 'Ashdown')
  await signIn(page, 'recruitment.knowsley@example.org')
  await page.goto(`/staff/enquiries/${enquiry.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Percival Ashdown' })).toBeVisible()
  const picker = page.getByLabel('Assign to')
  await expect(picker.locator('option', { hasText: 'Riley Recruiter (you)' })).toHaveCount(1)
  await expect(picker.locator('option', { hasText: 'Sam Social Worker' })).toHaveCount(1)
  // Carers are not staff: they are not offered.
  await expect(picker.locator('option', { hasText: /Jones|Okafor|Khan|Evans/ })).toHaveCount(0)
  await picker.selectOption({ label: 'Sam Social Worker' })
  await page.getByRole('button', { name: 'Save assignment' }).click()
  await expect(page.getByRole('alert').getByText('Assigned to Sam Social Worker')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^Sam Social Worker$/ })).toBeVisible()
  await checkPage(page, 'staff-enquiry-assigned')

  // The list names the assignee, and filters by them.
  await page.goto('/staff/enquiries')
  await page.getByLabel('Assigned to').selectOption({ label: 'Sam Social Worker' })
  await page.getByLabel('Name, reference, postcode or email').fill(enquiry.reference)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/assigned_to=[0-9a-f-]{36}/)
  const row = page.getByRole('row', { name: new RegExp(enquiry.reference) })
  await expect(row.getByRole('cell', { name: 'Sam Social Worker' })).toBeVisible()
  await checkPage(page, 'staff-enquiries-by-assignee')

  // Back on the enquiry: take it over in one press.
  await row.getByRole('link').first().click()
  await page.getByRole('button', { name: 'Assign to me' }).click()
  await expect(page.getByRole('alert').getByText('Assigned to you')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^You$/ })).toBeVisible()
})
