/**
 * An officer's casework on an enquiry: failed contact attempts until it may be closed as no
 * response, and closing it so; a note on the timeline; and the keep-in-touch list of people
 * who withdrew or did not respond and agreed to hear from the council again.
 */
import type { Page } from '@playwright/test'
import { bearer, createEnquiry, moveEnquiry } from './recruitment-api'
import { checkPage, expect, signIn, test } from './support'

function row(page: Page, key: string | RegExp) {
  return page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: key }) }).locator('dd.govuk-summary-list__value')
}

async function recordFailedAttempt(page: Page, outcome: 'No answer' | 'Left a message'): Promise<void> {
  await page.getByRole('button', { name: 'Record a contact attempt' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Record a contact attempt' })).toBeVisible()
  await page.getByLabel('Phone', { exact: true }).check()
  await page.getByLabel(outcome).check()
  await page.getByRole('button', { name: 'Save contact attempt' }).click()
  await expect(page.getByRole('alert').getByText('Contact attempt recorded')).toBeVisible()
}

test('an officer records failed contact attempts until the enquiry may be closed as no response, and closes it so', async ({ page, request }) => {
  test.slow()
  const officerEmail = 'recruitment.knowsley@example.org'
  const officer = await bearer(request, officerEmail)
  const enquiry = await createEnquiry(request, 'knowsley', 'Ffion', 'Llewellyn')
  const settings = await request.get('/api/v1/council-settings', { headers: officer })
  const needed = ((await settings.json()) as { retention: { failed_contact_attempts_before_no_response: number } }).retention.failed_contact_attempts_before_no_response
  expect(needed).toBeGreaterThanOrEqual(1)

  await signIn(page, officerEmail)
  await page.goto(`/staff/enquiries/${enquiry.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Ffion Llewellyn' })).toBeVisible()
  for (let attempt = 1; attempt < needed; attempt++) {
    await recordFailedAttempt(page, attempt % 2 ? 'No answer' : 'Left a message')
    await expect(row(page, 'Failed contact attempts')).toHaveText(String(attempt))
    // Not yet: fewer tries than the council asks for.
    await expect(page.getByRole('link', { name: 'Close as no response' })).toHaveCount(0)
  }
  await recordFailedAttempt(page, 'No answer')
  await expect(row(page, 'Failed contact attempts')).toHaveText(String(needed))
  const banner = page.getByRole('alert').filter({ hasText: 'Contact attempt recorded' })
  await expect(banner).toContainText('you may close this as no response')
  await expect(banner.getByRole('link', { name: 'Close as no response' })).toBeVisible()
  await checkPage(page, 'staff-enquiry-attempts-reached')

  // The list finds it among those that may be closed as no response.
  await page.goto(`/staff/enquiries?offer_no_response=true&q=${enquiry.reference}`)
  await expect(page.getByRole('checkbox', { name: 'May be closed as no response' })).toBeChecked()
  await expect(page.getByRole('row', { name: new RegExp(enquiry.reference) })).toBeVisible()
  await checkPage(page, 'staff-enquiries-may-close')

  // Opened again later, the enquiry says so in its own banner.
  await page.getByRole('row', { name: new RegExp(enquiry.reference) }).getByRole('link').first().click()
  const offer = page.getByRole('region', { name: 'Important' })
  await expect(offer).toContainText(`${needed} failed contact attempts`)
  await expect(offer).toContainText('You may close this as no response.')
  await offer.getByRole('link', { name: 'Close as no response' }).click()

  // The move page opens on closing as no response; a reason is needed.
  await expect(page.getByRole('heading', { level: 1, name: /Where does this enquiry go/ })).toBeVisible()
  await expect(page.getByLabel('Close: no response')).toBeChecked()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('link', { name: 'Select a reason for no response' })).toBeVisible()
  await checkPage(page, 'staff-move-no-response-errors')
  await page.getByLabel('Reason for closing as no response').selectOption('NR1')
  await page.getByLabel('Note (optional)').fill('Three calls and a message over two weeks.')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('alert').getByText('Moved to No response')).toBeVisible()
  await expect(row(page, /^Stage$/)).toHaveText('No response')
  await expect(row(page, /^Closed$/)).toContainText("No reply after the council's contact attempts")
  await expect(page.getByText('Three calls and a message over two weeks.')).toBeVisible()
  // Closed: no more offers to close it.
  await expect(page.getByRole('link', { name: 'Close as no response' })).toHaveCount(0)
  await checkPage(page, 'staff-enquiry-no-response')
})

test('an officer adds a note and sees it on the timeline', async ({ page, request }) => {
  const officerEmail = 'recruitment.halton@example.org'
  const enquiry = await createEnquiry(request, 'halton', 'Tegwen', 'Ashcombe')
  await signIn(page, officerEmail)
  await page.goto(`/staff/enquiries/${enquiry.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Tegwen Ashcombe' })).toBeVisible()
  const timeline = page.locator('.fh-timeline')
  await expect(timeline.locator('li')).toHaveCount(1)
  await expect(timeline.locator('li').first()).toContainText('Enquiry received')

  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('link', { name: 'Enter a note' })).toBeVisible()
  await expect(page).toHaveTitle(/^Error: Tegwen Ashcombe/)
  await checkPage(page, 'staff-enquiry-note-error')

  const text = 'Prefers a call after 6pm; works shifts at the hospital.'
  await page.getByLabel('Add a note').fill(text)
  await page.getByRole('button', { name: 'Add note' }).click()
  // Newest first: the note heads the timeline, by the officer, and the box is empty again.
  await expect(timeline.locator('li')).toHaveCount(2)
  const newest = timeline.locator('li').first()
  await expect(newest.getByRole('heading', { level: 3 })).toHaveText('Note added')
  await expect(newest).toContainText(text)
  await expect(newest).toContainText('by you')
  await expect(page.getByLabel('Add a note')).toHaveValue('')
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0)
  await checkPage(page, 'staff-enquiry-note')

  // It is kept: there again when the enquiry is opened afresh.
  await page.reload()
  await expect(timeline.locator('li').first()).toContainText(text)
})

test('the keep-in-touch list shows people who withdrew or did not respond, agreed to hear again, and closed long enough ago', async ({ page, request }) => {
  const officerEmail = 'recruitment.liverpool@example.org'
  const officer = await bearer(request, officerEmail)
  // The demo's histories go back three years: some withdrew or stopped answering and agreed to hear from the council.
  const listed = await request.get('/api/v1/enquiries', { headers: officer, params: { recontact: 'true', limit: '25' } })
  expect(listed.status(), await listed.text()).toBe(200)
  const [eligible] = ((await listed.json()) as { items: { id: string; reference: string; stage: string }[] }).items
  expect(eligible, 'the demo has someone to contact again').toBeTruthy()
  if (!eligible) return
  expect(['withdrawn', 'no_response']).toContain(eligible.stage)

  // Someone who withdrew today and agreed to hear again: not yet, the council's interval has not passed.
  const recent = await createEnquiry(request, 'liverpool', 'Gwenllian', 'Pryce')
  await moveEnquiry(request, officer, recent.id, 'withdrawn', { reason: 'AW3' })
  const read = await request.get(`/api/v1/enquiries/${recent.id}`, { headers: officer })
  const consent = await request.patch(`/api/v1/enquiries/${recent.id}`, { headers: { ...officer, 'If-Match': read.headers().etag ?? '' }, data: { marketing_ok: true } })
  expect(consent.status(), await consent.text()).toBe(200)

  await signIn(page, officerEmail)
  await page.goto('/staff/enquiries')
  await page.getByText('More filters').click()
  await page.getByRole('checkbox', { name: /^To contact again/ }).check()
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/recontact=true/)
  await expect(page.getByRole('row', { name: new RegExp(eligible.reference) })).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(recent.reference) })).toHaveCount(0)
  await checkPage(page, 'staff-enquiries-recontact')

  // Searching the list for the one who withdrew today finds nobody to contact yet.
  await page.getByLabel('Name, reference, postcode or email').fill(recent.reference)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/recontact=true/)
  await expect(page.getByText('No enquiries match.')).toBeVisible()

  // The one listed: closed, and agreed to hear about fostering news and events.
  await page.goto(`/staff/enquiries/${eligible.id}`)
  await expect(row(page, /^Stage$/)).toHaveText(eligible.stage === 'withdrawn' ? 'Withdrawn' : 'No response')
  await expect(row(page, 'News about events')).toHaveText('Yes')
  await expect(row(page, /^Closed$/)).toBeVisible()
})
