/**
 * Recruitment, end to end: the public enquiry (with JavaScript and without), then an officer
 * working it from a new enquiry to an approved carer household.
 */
import type { Page } from '@playwright/test'
import { baseURL } from '../playwright.config'
import { createEvent } from './events-api'
import { bearer, createCampaign, referralCodeOf } from './recruitment-api'
import { checkPage, expect, expectAccessible, signIn, test } from './support'

/**
 * axe needs JavaScript, so a page seen without it is checked as HTML in a page that has it: the
 * same markup and stylesheet, with `<noscript>` unwrapped as a browser without JavaScript shows it.
 */
async function expectAccessibleWithoutJs(page: Page, path: string, html: string): Promise<void> {
  const body = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<\/?noscript>/g, '')
  await page.route(`${baseURL}${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }))
  await page.goto(path)
  await expect(page.locator('h1')).toBeVisible()
  await expectAccessible(page)
  await page.unroute(`${baseURL}${path}`)
}

async function continueTo(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

/** Moves the open enquiry one step on through the move page, back to the enquiry. */
async function moveTo(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Move or close' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Where does this enquiry go/ })).toBeVisible()
  await page.getByLabel(label, { exact: true }).check()
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('alert').getByText(/^Moved to /)).toBeVisible()
}

test('an enquirer asks about fostering from a campaign’s QR code, and an officer takes it to approval', async ({ page, request }) => {
  test.slow()
  const officer = await bearer(request, 'recruitment.liverpool@example.org')
  const campaign = await createCampaign(request, officer, { name: 'Library poster run', channel: 'print', cost_pence: 25000 })

  // The QR code's landing counts the scan and opens the journey with the code.
  await page.goto(`/api/v1/campaigns/${campaign.code}/landing`)
  await expect(page).toHaveURL(new RegExp(`/enquire\\?council=liverpool&campaign=${campaign.code}&channel=print$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Ask about fostering' })).toBeVisible()
  await expect(page.getByText(`code ${campaign.code}`)).toBeVisible()
  await expect(page).toHaveTitle('Ask about fostering – Fostering – Liverpool City Council – Foster Hub')
  await checkPage(page, 'public-enquire-start')

  await page.getByRole('button', { name: 'Start now' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'What is your name?' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('link', { name: 'Enter your first name' })).toBeVisible()
  await expect(page).toHaveTitle(/^Error: What is your name\?/)
  await checkPage(page, 'public-enquire-name-errors')
  await expect(page.getByLabel('First name')).toHaveAttribute('autocomplete', 'given-name')
  await expect(page.getByLabel('Last name')).toHaveAttribute('autocomplete', 'family-name')
  await page.getByLabel('First name').fill('Bethan')
  await page.getByLabel('Last name').fill('Hollingsworth')
  await continueTo(page, 'How can we contact you?')

  await expect(page.getByLabel('Email address')).toHaveAttribute('autocomplete', 'email')
  await expect(page.getByLabel('Phone number (optional)')).toHaveAttribute('autocomplete', 'tel')
  await checkPage(page, 'public-enquire-contact')
  await page.getByLabel('Email address').fill('bethan.h@example.org')
  await page.getByLabel('Phone number (optional)').fill('07700 900982')
  await continueTo(page, 'What is your postcode?')

  await expect(page.getByLabel('What is your postcode?')).toHaveAttribute('autocomplete', 'postal-code')
  await checkPage(page, 'public-enquire-postcode')
  await page.getByLabel('What is your postcode?').fill('L1 8JQ')
  await continueTo(page, 'What kinds of fostering interest you?')

  await checkPage(page, 'public-enquire-interests')
  await page.getByLabel('Short-term fostering').check()
  await continueTo(page, 'About your household (optional)')

  await checkPage(page, 'public-enquire-household')
  await page.getByLabel('How many adults live in your home, including you?').fill('2')
  await page.getByLabel('Yes').check()
  await continueTo(page, 'Do you have a code from a leaflet, poster or friend?')

  // The scanned code is filled in, for the person to check.
  await expect(page.getByLabel('Code from a leaflet, poster or card (optional)')).toHaveValue(campaign.code)
  await expect(page.getByText('We filled this in from the QR code or link you used')).toBeVisible()
  await checkPage(page, 'public-enquire-code')
  await continueTo(page, 'Contacting you')

  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('link', { name: 'Select that we may contact you about your enquiry' })).toBeVisible()
  await expect(page.getByText('version 2026-01')).toBeVisible()
  await checkPage(page, 'public-enquire-consent')
  await page.getByLabel('You may contact me about this enquiry').check()
  await continueTo(page, 'Check your answers before sending your enquiry')

  await expect(page.getByRole('definition').filter({ hasText: `${campaign.code} (leaflet or poster)` })).toBeVisible()
  await checkPage(page, 'public-enquire-check')
  // Changing an answer comes back to the check page.
  await page.getByRole('link', { name: 'Change name' }).click()
  await page.getByLabel('First name').fill('Beth')
  await continueTo(page, 'Check your answers before sending your enquiry')
  await expect(page.getByRole('definition').filter({ hasText: 'Beth Hollingsworth' })).toBeVisible()

  const posts: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/enquiries')) posts.push(r.headers()['idempotency-key'] ?? '')
  })
  await page.getByRole('button', { name: 'Send enquiry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiry sent' })).toBeVisible()
  const reference = ((await page.locator('#enquiry-reference').textContent()) ?? '').trim()
  expect(reference).toMatch(/^FH-[A-Z0-9]+$/)
  expect(posts.length).toBe(1)
  expect(posts[0]).toMatch(/^[0-9a-f-]{36}$/)
  await checkPage(page, 'public-enquire-sent')

  // An officer finds it by its reference and works it.
  await signIn(page, 'recruitment.liverpool@example.org')
  await page.getByRole('link', { name: 'Enquiries', exact: true }).first().click()
  await page.getByLabel('Name, reference, postcode or email').fill(reference)
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: new RegExp(`^${reference}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beth Hollingsworth' })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: campaign.code })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: '2026-01' })).toBeVisible()

  await page.getByRole('button', { name: 'Assign to me' }).click()
  await expect(page.getByText('Assigned to you')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Unassign' })).toBeVisible()

  await page.getByRole('button', { name: 'Record a contact attempt' }).click()
  await page.getByLabel('Phone', { exact: true }).check()
  await page.getByLabel('No answer').check()
  await page.getByLabel('Note (optional)').fill('Rang at 10am, no voicemail.')
  await page.getByRole('button', { name: 'Save contact attempt' }).click()
  await expect(page.getByText('Contact attempt recorded')).toBeVisible()
  await expect(page.getByText('Rang at 10am, no voicemail.')).toBeVisible()

  await moveTo(page, 'Move to initial contact')
  await moveTo(page, 'Move to initial visit')
  await moveTo(page, 'Move to application (stage 1)')
  await moveTo(page, 'Move to assessment (stage 2)')
  await moveTo(page, 'Move to panel')

  await page.getByRole('button', { name: 'Move or close' }).click()
  await page.getByLabel('Move to approved', { exact: true }).check()
  await expect(page.getByRole('group', { name: 'Terms of approval' })).toBeVisible()
  await checkPage(page, 'staff-move-approval')
  await page.getByLabel('Oldest age of child').fill('11')
  await page.getByLabel('Number of places').fill('2')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('alert').getByText('Moved to Approved')).toBeVisible()
  await expect(page.getByText('Moved to Approved', { exact: true }).first()).toBeVisible()

  // The carers list shows the new household.
  await page.getByRole('link', { name: 'Carers', exact: true }).first().click()
  await page.getByLabel('Name').fill('Hollingsworth')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: 'Beth Hollingsworth' }).click()
  await expect(page.getByRole('definition').filter({ hasText: /^0 to 11$/ })).toBeVisible()
})

test('without JavaScript: the noscript link leads to the plain form, which shows errors and then a reference', async ({ browser, request, page: checker }) => {
  const code = await referralCodeOf(request, 'carer.jones.liverpool@example.org')
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  const seen: [string, string][] = []
  const allowed = new URL(baseURL).host
  await page.route((url) => url.host !== allowed && url.protocol !== 'data:', (route) => route.abort('blockedbyclient'))
  try {
    await page.goto(`/enquire?council=liverpool&referral=${code}`)
    const link = page.getByRole('link', { name: 'Use our simple enquiry form' })
    await expect(link).toBeVisible()
    await expect(link).toHaveAttribute('href', `/enquire/basic?council=liverpool&referral=${code}`)
    await page.screenshot({ path: 'e2e/screenshots/public-enquire-noscript.png', fullPage: true })
    seen.push(['/enquire', await page.content()])

    await link.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Ask about fostering' })).toBeVisible()
    await expect(page.getByLabel('A friend\'s referral code (optional)')).toHaveValue(code)
    await page.getByLabel('First name').fill('Gwen')
    await page.getByLabel('Last name').fill('Ashworth')
    await page.getByLabel('Email address').fill('gwen.ashworth@')
    await page.getByLabel('Postcode').fill('L1 8JQ')
    await page.getByLabel('Short term (weeks to months)').check()
    await page.getByLabel(/You may contact me about this/).check()
    await page.getByRole('button', { name: 'Send enquiry' }).click()

    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
    await expect(page).toHaveTitle(/^Error: Ask about fostering/)
    await page.screenshot({ path: 'e2e/screenshots/public-enquire-basic-errors.png', fullPage: true })
    seen.push(['/enquire/basic', await page.content()])
    await page.getByLabel('Email address').fill('gwen.ashworth@example.org')
    await page.getByRole('button', { name: 'Send enquiry' }).click()

    await expect(page).toHaveURL(/\/enquire\/basic\/thank-you\?reference=FH-/)
    await expect(page.getByRole('heading', { level: 1, name: 'Enquiry received' })).toBeVisible()
    await expect(page.getByText(/^FH-[A-Z0-9]+$/)).toBeVisible()
    await page.screenshot({ path: 'e2e/screenshots/public-enquire-basic-thank-you.png', fullPage: true })
    seen.push(['/enquire/basic/thank-you', await page.content()])
  } finally {
    await context.close()
  }
  for (const [path, html] of seen) await expectAccessibleWithoutJs(checker, path, html)
})

test('the enquiry journey finds the council from the postcode, and offers a choice when no council covers it', async ({ page }) => {
  await page.goto('/enquire')
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.getByLabel('First name').fill('Ola')
  await page.getByLabel('Last name').fill('Nowak')
  await continueTo(page, 'How can we contact you?')
  await page.getByLabel('Email address').fill('ola.nowak@example')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('link', { name: /Enter an email address in the correct format/ })).toBeVisible()
  await page.getByLabel('Email address').fill('ola.nowak@example.org')
  await continueTo(page, 'What is your postcode?')
  await page.getByLabel('What is your postcode?').fill('SW1A 1AA')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('link', { name: /None of the councils on this service covers SW1A 1AA/ })).toBeVisible()
  await checkPage(page, 'public-enquire-postcode-not-covered')
  await page.getByLabel('Wirral Council').check()
  await continueTo(page, 'What kinds of fostering interest you?')
  await expect(page.getByText('Ask about fostering with Wirral Council')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Wirral Council')
})

test('an enquiry from an event’s page carries the event and its code to the council', async ({ page, request }) => {
  const officer = await bearer(request, 'recruitment.st-helens@example.org')
  const event = await createEvent(request, officer, { title: 'Fostering drop-in at the library' })
  const read = await request.get(`/api/v1/events/${event.id}`)
  const { campaign_code: code } = (await read.json()) as { campaign_code: string }
  expect(code).toMatch(/^[A-Z0-9-]{4,16}$/)

  await page.goto(`/councils/st-helens/events/${event.id}`)
  await page.getByRole('link', { name: 'enquire about fostering' }).click()
  await expect(page).toHaveURL(new RegExp(`/enquire\\?council=st-helens&channel=event&event_id=${event.id}&campaign=${code}$`))
  await expect(page.getByText(`code ${code}`)).toBeVisible()
  await checkPage(page, 'public-enquire-start-event')
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.getByLabel('First name').fill('Dilys')
  await page.getByLabel('Last name').fill('Pennington')
  await continueTo(page, 'How can we contact you?')
  await page.getByLabel('Email address').fill('dilys.pennington@example.org')
  await continueTo(page, 'What is your postcode?')
  await page.getByLabel('What is your postcode?').fill('WA10 1AB')
  await continueTo(page, 'What kinds of fostering interest you?')
  await page.getByLabel('Short breaks').check()
  await continueTo(page, 'About your household (optional)')
  await continueTo(page, 'Do you have a code from a leaflet, poster or friend?')
  await expect(page.getByLabel('Code from a leaflet, poster or card (optional)')).toHaveValue(code)
  await continueTo(page, 'Contacting you')
  await page.getByLabel('You may contact me about this enquiry').check()
  await continueTo(page, 'Check your answers before sending your enquiry')
  await expect(page.getByRole('definition').filter({ hasText: `${code} (event)` })).toBeVisible()

  const [post] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/enquiries')),
    page.getByRole('button', { name: 'Send enquiry' }).click(),
  ])
  const sent = post.postDataJSON() as { council: string; source: Record<string, unknown> }
  expect(sent.council).toBe('st-helens')
  expect(sent.source).toMatchObject({ channel: 'event', event_id: event.id, campaign_code: code })
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiry sent' })).toBeVisible()
  const reference = ((await page.locator('#enquiry-reference').textContent()) ?? '').trim()

  // Stored against the event: the council's staff see it there.
  const found = await request.get('/api/v1/enquiries', { headers: officer, params: { q: reference } })
  const [item] = ((await found.json()) as { items: { id: string }[] }).items
  const detail = await request.get(`/api/v1/enquiries/${item?.id}`, { headers: officer })
  expect(((await detail.json()) as { source: Record<string, unknown> }).source).toMatchObject({ channel: 'event', event_id: event.id, campaign_code: code })
})

test('without JavaScript: the plain form keeps the event the visitor came from', async ({ browser, request }) => {
  const officer = await bearer(request, 'recruitment.halton@example.org')
  const event = await createEvent(request, officer, { title: 'Fostering coffee morning' })
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  try {
    await page.goto(`/enquire?council=halton&channel=event&event_id=${event.id}`)
    await page.getByRole('link', { name: 'Use our simple enquiry form' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Ask about fostering' })).toBeVisible()
    await expect(page.locator('input[name="event_id"]')).toHaveValue(event.id)
    await page.getByLabel('First name').fill('Eluned')
    await page.getByLabel('Last name').fill('Marsh')
    await page.getByLabel('Email address').fill('eluned.marsh@example.org')
    await page.getByLabel('Postcode').fill('WA7 1AA')
    await page.getByLabel('Short term (weeks to months)').check()
    await page.getByLabel(/You may contact me about this/).check()
    await page.getByRole('button', { name: 'Send enquiry' }).click()
    await expect(page).toHaveURL(/\/enquire\/basic\/thank-you\?reference=FH-/)
    const reference = new URL(page.url()).searchParams.get('reference') ?? ''
    const found = await request.get('/api/v1/enquiries', { headers: officer, params: { q: reference } })
    const [item] = ((await found.json()) as { items: { id: string }[] }).items
    const detail = await request.get(`/api/v1/enquiries/${item?.id}`, { headers: officer })
    expect(((await detail.json()) as { source: Record<string, unknown> }).source).toMatchObject({ channel: 'event', event_id: event.id })
  } finally {
    await context.close()
  }
})
