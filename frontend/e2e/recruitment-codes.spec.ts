/**
 * Codes typed into the public enquiry: someone holding a printed leaflet (no QR scan) types its
 * campaign code, a friend's referral code is typed the same way, and the council's staff see
 * the enquiry attributed and the campaign's results go up.
 */
import type { Page } from '@playwright/test'
import { bearer, createCampaign, moveEnquiry, referralCodeOf } from './recruitment-api'
import { checkPage, expect, signIn, signOut, test } from './support'

const CODE_QUESTION = 'Do you have a code from a leaflet, poster or friend?'
const CAMPAIGN_FIELD = 'Code from a leaflet, poster or card (optional)'
const REFERRAL_FIELD = 'Referral code from a foster carer (optional)'

async function continueTo(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

/** From a council's "how to enquire" page through the required questions to the code question. */
async function answerUpToTheCode(page: Page, council: string, person: { first: string; last: string; postcode: string }): Promise<void> {
  await page.goto(`/councils/${council}/enquire`)
  await page.getByRole('button', { name: 'Ask about fostering online' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ask about fostering' })).toBeVisible()
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.getByLabel('First name').fill(person.first)
  await page.getByLabel('Last name').fill(person.last)
  await continueTo(page, 'How can we contact you?')
  await page.getByLabel('Email address').fill(`${person.first}.${person.last}@example.org`.toLowerCase())
  await continueTo(page, 'What is your postcode?')
  await page.getByLabel('What is your postcode?').fill(person.postcode)
  await continueTo(page, 'What kinds of fostering interest you?')
  await page.getByLabel('Long-term fostering').check()
  await continueTo(page, 'About your household (optional)')
  await continueTo(page, CODE_QUESTION)
}

async function consentAndCheck(page: Page): Promise<void> {
  await continueTo(page, 'Contacting you')
  await page.getByLabel('You may contact me about this enquiry').check()
  await continueTo(page, 'Check your answers before sending your enquiry')
}

/** The value of a row of a summary list, by its key. */
function row(page: Page, key: string | RegExp) {
  return page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: key }) }).locator('dd.govuk-summary-list__value')
}

test('someone with a printed leaflet types its code: the enquiry is the campaign’s, and its results go up', async ({ page, request }) => {
  test.slow()
  const officerEmail = 'recruitment.wirral@example.org'
  const officer = await bearer(request, officerEmail)
  const campaign = await createCampaign(request, officer, { name: 'Leaflets at the leisure centre', channel: 'print', cost_pence: 12000 })

  // Before: nobody has enquired with the code.
  await signIn(page, officerEmail)
  await page.goto(`/staff/campaigns/${campaign.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Leaflets at the leisure centre' })).toBeVisible()
  await expect(row(page, /^Enquiries$/)).toHaveText('0')
  await expect(row(page, 'Reached an initial visit')).toHaveText('0')
  await expect(row(page, 'Cost per enquiry')).toHaveText('–')
  await signOut(page)

  // No QR scan: the journey starts from the council's page, with no code in the address.
  await answerUpToTheCode(page, 'wirral', { first: 'Morwenna', last: 'Trelawney', postcode: 'CH41 5LH' })
  await expect(page.getByLabel(CAMPAIGN_FIELD)).toHaveValue('')
  await expect(page.getByLabel(REFERRAL_FIELD)).toHaveValue('')
  await checkPage(page, 'public-enquire-code-question')

  // What the screen can tell is wrong, it says at once.
  await page.getByLabel(CAMPAIGN_FIELD).fill('LEAF LET')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('link', { name: /A code from a leaflet or poster is 4 to 16 letters and numbers/ })).toBeVisible()
  await expect(page).toHaveTitle(/^Error: Do you have a code from a leaflet, poster or friend\?/)

  // A code that looks right but is nobody's: the API says so, on this question's field.
  await page.getByLabel(CAMPAIGN_FIELD).fill('nosuch00')
  await consentAndCheck(page)
  await expect(row(page, 'Code from a leaflet, poster or card')).toHaveText('NOSUCH00 (leaflet or poster)')
  await expect(row(page, 'Referral code from a foster carer')).toHaveText('Not given')
  await page.getByRole('button', { name: 'Send enquiry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: CODE_QUESTION })).toBeVisible()
  await expect(page.getByRole('link', { name: 'We do not recognise this code' })).toBeVisible()
  await expect(page.locator('#campaign-code-error')).toContainText('We do not recognise this code')
  await expect(page.getByLabel(CAMPAIGN_FIELD)).toHaveValue('NOSUCH00')
  await expect(page).toHaveTitle(/^Error: /)
  await checkPage(page, 'public-enquire-code-unknown')

  // The code printed on the leaflet, typed as people type it.
  await page.getByLabel(CAMPAIGN_FIELD).fill(` ${campaign.code.toLowerCase()} `)
  await continueTo(page, 'Check your answers before sending your enquiry')
  await expect(row(page, 'Code from a leaflet, poster or card')).toHaveText(`${campaign.code} (leaflet or poster)`)
  await checkPage(page, 'public-enquire-check-typed-code')
  const [post] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/enquiries')),
    page.getByRole('button', { name: 'Send enquiry' }).click(),
  ])
  expect((post.postDataJSON() as { source: Record<string, unknown> }).source).toMatchObject({ channel: 'print', campaign_code: campaign.code, referral_code: null })
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiry sent' })).toBeVisible()
  const reference = ((await page.locator('#enquiry-reference').textContent()) ?? '').trim()
  expect(reference).toMatch(/^FH-[A-Z0-9]+$/)

  // The officer sees where it came from.
  await signIn(page, officerEmail)
  await page.goto('/staff/enquiries')
  await page.getByLabel('Name, reference, postcode or email').fill(reference)
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: new RegExp(`^${reference}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Morwenna Trelawney' })).toBeVisible()
  await expect(row(page, 'Channel')).toHaveText('Leaflet or poster')
  await expect(row(page, 'Campaign').getByRole('link', { name: campaign.code })).toHaveAttribute('href', `/staff/campaigns/${campaign.id}`)

  // The campaign's results count it, and count it again as it moves on.
  await row(page, 'Campaign').getByRole('link', { name: campaign.code }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Leaflets at the leisure centre' })).toBeVisible()
  await expect(row(page, /^Enquiries$/)).toHaveText('1 enquiries from this campaign')
  await expect(row(page, 'Cost per enquiry')).toHaveText('£120')
  await expect(row(page, 'Reached an initial visit')).toHaveText('0')
  const found = await request.get('/api/v1/enquiries', { headers: officer, params: { q: reference } })
  const [item] = ((await found.json()) as { items: { id: string }[] }).items
  expect(item).toBeTruthy()
  await moveEnquiry(request, officer, item?.id ?? '', 'initial_contact')
  await moveEnquiry(request, officer, item?.id ?? '', 'initial_visit')
  await page.reload()
  await expect(row(page, 'Reached an initial visit')).toHaveText('1')
  await expect(row(page, /^Enquiries$/)).toHaveText('1 enquiries from this campaign')
  await checkPage(page, 'staff-campaign-results')

  // Its enquiries link is the list of them.
  await row(page, /^Enquiries$/).getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/staff/enquiries\\?campaign=${campaign.code}$`))
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByRole('row', { name: new RegExp(reference) })).toBeVisible()
})

test('a friend’s referral code typed into the journey makes the enquiry the carer’s referral', async ({ page, request }) => {
  const code = await referralCodeOf(request, 'carer.evans.wirral@example.org')
  await answerUpToTheCode(page, 'wirral', { first: 'Cadfael', last: 'Rhydderch', postcode: 'CH41 5LH' })

  // A mistyped code comes back from the API on the referral field.
  await page.getByLabel(REFERRAL_FIELD).fill('R9999999')
  await consentAndCheck(page)
  await expect(row(page, 'Referral code from a foster carer')).toHaveText('R9999999')
  await page.getByRole('button', { name: 'Send enquiry' }).click()
  await expect(page.getByRole('link', { name: 'We do not recognise this referral code' })).toBeVisible()
  await expect(page.locator('#referral-code-error')).toContainText('We do not recognise this referral code')

  await page.getByLabel(REFERRAL_FIELD).fill(code.toLowerCase())
  await continueTo(page, 'Check your answers before sending your enquiry')
  await expect(row(page, 'Referral code from a foster carer')).toHaveText(code)
  await expect(row(page, 'Code from a leaflet, poster or card')).toHaveText('Not given')
  await page.getByRole('button', { name: 'Send enquiry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiry sent' })).toBeVisible()
  const reference = ((await page.locator('#enquiry-reference').textContent()) ?? '').trim()

  // Stored as the carer's referral: the council's staff see it so.
  const officer = await bearer(request, 'recruitment.wirral@example.org')
  const found = await request.get('/api/v1/enquiries', { headers: officer, params: { q: reference } })
  const [item] = ((await found.json()) as { items: { id: string }[] }).items
  const detail = await request.get(`/api/v1/enquiries/${item?.id}`, { headers: officer })
  expect(((await detail.json()) as { source: Record<string, unknown> }).source).toMatchObject({ channel: 'referral', referral: true, campaign_id: null })
})
