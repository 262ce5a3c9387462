/** Events: the public registers until an event is full and joins the waiting list; staff run events. */
import { cancellationLink, createEvent, emailsTo, importPostcodes, registerFor, tokenFor, unique } from './events-api'
import type { Page } from '@playwright/test'
import { checkPage, expect, signIn, test } from './support'

/** A GOV.UK summary list's row by its key, exactly. */
const summaryRow = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^\\s*${key}\\s*$`) }) })

test('the public registers for an event until it is full, then joins the waiting list', async ({ page, request }) => {
  const staff = await tokenFor(request, 'recruitment.liverpool@example.org')
  const title = unique('Information evening')
  const event = await createEvent(request, staff, {
    title,
    capacity: 2,
    partner_organisation: 'Central Library',
    description: 'Meet our foster carers.\n\nTea and biscuits provided.',
  })

  // The council's page lists what is coming, and its events page has the event.
  await page.goto('/councils/liverpool')
  await expect(page.getByRole('region', { name: 'Events to come' }).getByRole('link', { name: title })).toBeVisible()
  await page.getByRole('link', { name: 'Events', exact: true }).click()
  await expect(page).toHaveTitle('Events – Fostering – Liverpool City Council – Foster Hub')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  await checkPage(page, 'public-events')

  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // schema.org Event data in the page, as microdata (the CSP refuses inline JSON-LD scripts).
  const microdata = page.locator('[itemscope][itemtype="https://schema.org/Event"]')
  await expect(microdata.locator('[itemprop="name"]').first()).toHaveText(title)
  await expect(microdata.locator('time[itemprop="startDate"]')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  await expect(microdata.locator('meta[itemprop="endDate"]')).toHaveAttribute('content', /T/)
  await expect(microdata.locator('link[itemprop="eventStatus"]')).toHaveAttribute('href', 'https://schema.org/EventScheduled')
  await expect(microdata.locator('link[itemprop="eventAttendanceMode"]')).toHaveAttribute('href', 'https://schema.org/OfflineEventAttendanceMode')
  await expect(microdata.locator('[itemprop="location"] [itemprop="name"]')).toHaveText('Community room')
  await expect(page.getByText('2 places left')).toBeVisible()
  // Enquiring from the event carries its campaign code, so the enquiry is counted for it.
  await expect(page.getByRole('link', { name: 'enquire about fostering' })).toHaveAttribute(
    'href',
    new RegExp(`^/enquire\\?council=liverpool&channel=event&event_id=${event.id}&campaign=[A-Z0-9]+$`),
  )
  await checkPage(page, 'public-event')

  // The form says what is missing first.
  await page.getByRole('button', { name: 'Register for this event' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Register for this event' })).toBeVisible()
  await checkPage(page, 'public-event-register')
  await page.getByRole('button', { name: 'Register' }).click()
  await expect(page.locator('.govuk-error-summary')).toBeFocused()
  await expect(page.locator('.govuk-error-summary').getByRole('link')).toHaveText(['Enter your full name', 'Enter your email address'])
  await expect(page).toHaveTitle(/^Error: Register for /)
  await checkPage(page, 'public-event-register-errors')

  const register = async (name: string, email: string) => {
    await page.goto(`/councils/liverpool/events/${event.id}/register`)
    await page.getByLabel('Full name').fill(name)
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('button', { name: /^(Register|Join the waiting list)$/ }).click()
  }
  await register('Ann Lee', 'ann.lee@example.org')
  await expect(page.getByRole('heading', { name: 'Registration confirmed' })).toBeVisible()
  await checkPage(page, 'public-event-registered')

  // The same email again is refused on the email field.
  await register('Ann Lee', 'ann.lee@example.org')
  await expect(page.getByRole('link', { name: 'This email address is already registered for this event' })).toBeVisible()

  await register('Bo Chen', 'bo.chen@example.org')
  await expect(page.getByRole('heading', { name: 'Registration confirmed' })).toBeVisible()

  // Now it is full: the page says so, and the next person joins the waiting list.
  await page.goto(`/councils/liverpool/events/${event.id}`)
  await expect(page.getByText('Full: you can join the waiting list')).toBeVisible()
  await page.getByRole('button', { name: 'Join the waiting list' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Join the waiting list' })).toBeVisible()
  await page.getByLabel('Full name').fill('Cat Doyle')
  await page.getByLabel('Email address').fill('cat.doyle@example.org')
  await page.getByLabel('Phone number (optional)').fill('07700 900982')
  await page.getByRole('button', { name: 'Join the waiting list' }).click()
  await expect(page.getByRole('heading', { name: 'You are on the waiting list' })).toBeVisible()
  await expect(page.locator('.govuk-panel__body')).toContainText('number 1 on the waiting list')
  await checkPage(page, 'public-event-waitlisted')
})

test('a place is cancelled from the link in its email, and the first on the waiting list moves up', async ({ page, request }) => {
  const staff = await tokenFor(request, 'recruitment.knowsley@example.org')
  const title = unique('Information evening')
  const event = await createEvent(request, staff, { title, capacity: 1 }, 8 * 24 * 3600_000)
  expect(await registerFor(request, event.id, 'Ann Lee', 'ann.cancels@example.org')).toBe('confirmed')
  expect(await registerFor(request, event.id, 'Bo Chen', 'bo.waits@example.org')).toBe('waitlisted')
  const annsLink = cancellationLink('ann.cancels@example.org', title)
  const bosLink = cancellationLink('bo.waits@example.org', title)
  const seatsLeft = async () => ((await (await request.get(`/api/v1/events/${event.id}`)).json()) as { seats_left: number }).seats_left

  await page.goto(bosLink)
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your place on the waiting list?' })).toBeVisible()

  // The link from Ann's confirmation shows what it would cancel, and asks.
  await page.goto(annsLink)
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your place?' })).toBeVisible()
  await expect(page).toHaveTitle(/^Cancel your place – /)
  await expect(page.locator('.govuk-caption-l')).toHaveText('Ann Lee')
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', `/councils/knowsley/events/${event.id}`)
  await checkPage(page, 'public-cancel-registration')
  // Opening the link cancelled nothing (email scanners open links): the one place is still taken.
  expect(await seatsLeft()).toBe(0)

  await page.getByRole('button', { name: 'Cancel my place' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your place is cancelled' })).toBeVisible()
  await expect(page.locator('.govuk-panel__body')).toHaveText(title)
  await checkPage(page, 'public-registration-cancelled')

  // Bo was first on the waiting list: the place is his now, and he is emailed.
  expect(emailsTo('bo.waits@example.org').map((m) => m.subject)).toContain(`A place has come up: ${title}`)
  expect(await seatsLeft()).toBe(0)
  await page.goto(bosLink)
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your place?' })).toBeVisible()
  // Ann's link now says her place is cancelled, and changes nothing more.
  await page.goto(annsLink)
  await expect(page.getByRole('heading', { level: 1, name: 'Your place is cancelled' })).toBeVisible()
})

test('events near a postcode, once the postcode data is loaded', async ({ page, request }) => {
  const staff = await tokenFor(request, 'recruitment.sefton@example.org')
  const title = unique('Drop-in at the pier')
  const online = unique('Fostering webinar')
  // Made before the postcode data is loaded: the import gives it its venue's position.
  await createEvent(
    request,
    staff,
    { title, kind: 'drop_in', venue: { name: 'Pier pavilion', address: 'The Promenade, Southport', postcode: 'PR9 0DZ' } },
    9 * 24 * 3600_000,
  )
  await createEvent(request, staff, { title: online, kind: 'webinar', venue: null, online_url: 'https://meet.example.org/fostering' }, 9 * 24 * 3600_000)
  importPostcodes(['PR9 0DZ,E08000014,53.6485,-3.0035,', 'PR8 1RH,E08000014,53.6455,-3.009,'])

  await page.goto('/events')
  await page.getByLabel('Near a postcode').fill('pr8 1rh')
  await page.getByLabel('Within').selectOption('5')
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page).toHaveURL(/near=PR8\+1RH&within_km=5/)
  const found = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(found).toContainText('0.5 km away')
  // An online-only event has no place to be near.
  await expect(page.getByRole('link', { name: online })).toHaveCount(0)
  await checkPage(page, 'public-all-events-near')
  // Without the postcode, the online event is listed as usual.
  await page.getByLabel('Near a postcode').fill('')
  await page.getByLabel('Kind of event').selectOption('webinar')
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page).toHaveURL(/kind=webinar/)
  await expect(page.getByRole('link', { name: online })).toBeVisible()
})

test('every council’s events, filtered by kind and date, and an address from an email', async ({ page, request }) => {
  const staff = await tokenFor(request, 'recruitment.st-helens@example.org')
  const title = unique('Stall at the market')
  const event = await createEvent(request, staff, { title, kind: 'stall' }, 10 * 24 * 3600_000)
  const day = new Date(event.starts_at).toISOString().slice(0, 10).split('-')

  await page.goto('/events')
  await expect(page).toHaveTitle('Fostering events – Fostering – Foster Hub')
  await page.getByLabel('Kind of event').selectOption('stall')
  await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill(String(Number(day[2])))
  await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill(String(Number(day[1])))
  await page.getByRole('group', { name: 'From' }).getByLabel('Year').fill(day[0] ?? '')
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page).toHaveURL(/kind=stall/)
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  await checkPage(page, 'public-all-events')

  // Near a postcode: a postcode that is not one is refused on the page; one whose position the
  // service does not know (no postcode data loaded here) is the API's 422 naming `near`.
  await page.getByLabel('Near a postcode').fill('nowhere')
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page.getByRole('link', { name: 'Enter a full UK postcode, like SW1A 1AA' })).toBeVisible()
  await page.getByLabel('Near a postcode').fill('ZZ9 9ZZ')
  await page.getByLabel('Within').selectOption('10')
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page).toHaveURL(/near=ZZ9\+9ZZ&within_km=10/)
  await expect(page.getByRole('link', { name: 'We do not know where that postcode is. Check it, or search without it.' })).toBeVisible()
  await checkPage(page, 'public-all-events-near-unknown')
  await page.getByLabel('Near a postcode').fill('')

  await page.getByRole('group', { name: 'To' }).getByLabel('Day').fill('31')
  await page.getByRole('group', { name: 'To' }).getByLabel('Month').fill('2')
  await page.getByRole('group', { name: 'To' }).getByLabel('Year').fill('2027')
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page.getByRole('link', { name: 'The to date must be a real date, like 27 1 2027' })).toBeVisible()
  await checkPage(page, 'public-all-events-errors')

  // Emails and calendars link to /events/{id}: the page opens under the hosting council.
  await page.goto(`/events/${event.id}`)
  await expect(page).toHaveURL(new RegExp(`/councils/st-helens/events/${event.id}$`))
  await expect(page.getByRole('banner')).toContainText('St Helens')
  await page.goto('/events/not-an-event')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  // A cancellation link with a token that names nothing.
  await page.goto('/events/registrations/cancel?token=nothing-is-registered-with-this-token')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('staff create an event, publish it and cancel it', async ({ page }) => {
  await signIn(page, 'recruitment.knowsley@example.org')
  await page.getByRole('link', { name: 'Events' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible()
  await checkPage(page, 'staff-events')

  await page.getByRole('button', { name: 'Create an event' }).click()
  await checkPage(page, 'staff-event-new')
  await page.getByRole('button', { name: 'Create event' }).click()
  await expect(page.locator('.govuk-error-summary')).toBeFocused()
  await expect(page.locator('.govuk-error-summary').getByRole('link')).toHaveText([
    'Enter the event’s title',
    'Select what kind of event it is',
    'Select who the event is for',
    'Enter the date of the event',
    'Enter the start time',
    'Enter the end time',
    'Enter a venue, a joining link for an online event, or both',
    'Select whether to publish the event now',
  ])
  await checkPage(page, 'staff-event-new-errors')

  const title = unique('Drop-in at the store')
  const when = new Date(Date.now() + 40 * 24 * 3600_000)
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Drop-in').check()
  await page.getByLabel('The public').check()
  await page.getByRole('group', { name: 'Date' }).getByLabel('Day').fill(String(when.getDate()))
  await page.getByRole('group', { name: 'Date' }).getByLabel('Month').fill(String(when.getMonth() + 1))
  await page.getByRole('group', { name: 'Date' }).getByLabel('Year').fill(String(when.getFullYear()))
  await page.getByLabel('Start time').fill('10am')
  await page.getByLabel('End time').fill('2pm')
  await page.getByLabel('Venue name').fill('Café, Department Store')
  await page.getByLabel('Address').fill('1 High Street, Huyton')
  await page.getByLabel('Postcode').fill('L36 9YU')
  await page.getByLabel('Number of places (optional)').fill('25')
  await page.getByLabel('No, save it as a draft').check()
  await page.getByRole('button', { name: 'Create event' }).click()

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('The event is saved as a draft')).toBeVisible()
  await expect(page.getByText('10am to 2pm')).toBeVisible()
  await checkPage(page, 'staff-event-draft')
  await page.getByRole('button', { name: 'Publish event' }).click()
  await expect(page.getByText('The event is published')).toBeVisible()
  await expect(page.locator('.govuk-tag').filter({ hasText: 'Published' })).toBeVisible()
  await checkPage(page, 'staff-event')

  await page.getByRole('link', { name: 'Cancel this event' }).click()
  await expect(page.getByRole('heading', { name: 'Are you sure you want to cancel this event?' })).toBeVisible()
  await checkPage(page, 'staff-event-cancel')
  await page.getByLabel('Why is it cancelled? (optional)').fill('The store is closed for a refit')
  await page.getByRole('button', { name: 'Cancel event' }).click()
  await expect(page.getByText('The event is cancelled and everyone registered has been emailed')).toBeVisible()
  await expect(page.getByText('Cancelled: The store is closed for a refit')).toBeVisible()

  // The public page says it is cancelled, in words and in its schema.org data.
  await page.getByRole('link', { name: 'See the public page' }).click()
  await expect(page.getByText('This event has been cancelled.')).toBeVisible()
  await expect(page.locator('link[itemprop="eventStatus"]')).toHaveAttribute('href', 'https://schema.org/EventCancelled')
})

test.describe('on the day, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('staff check people in and mark who did not come', async ({ page, request }) => {
    const staff = await tokenFor(request, 'recruitment.sefton@example.org')
    const title = unique('Drop-in today')
    // It starts in a few seconds, today: check-in opens on the day, no-shows once it has started.
    const event = await createEvent(request, staff, { title, kind: 'drop_in', capacity: 10 }, 4000, 3 * 3600_000)
    expect(await registerFor(request, event.id, 'Dee Evans', 'dee.evans@example.org')).toBe('confirmed')
    expect(await registerFor(request, event.id, 'Eli Ford', 'eli.ford@example.org')).toBe('confirmed')
    expect(await registerFor(request, event.id, 'Flo Grant', 'flo.grant@example.org')).toBe('confirmed')
    const wait = new Date(event.starts_at).getTime() - Date.now() + 500
    if (wait > 0) await page.waitForTimeout(wait)

    await signIn(page, 'recruitment.sefton@example.org')
    await page.goto(`/staff/events/${event.id}`)
    await page.getByRole('button', { name: 'Check people in' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Check in' })).toBeVisible()
    await expect(page.getByText('0 of 3 checked in.')).toBeVisible()
    await checkPage(page, 'staff-check-in-phone')

    // Large tap targets: each button is full width and at least 44 pixels tall.
    const checkIn = page.getByRole('button', { name: 'Check in Dee Evans' })
    const box = await checkIn.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    expect(box?.width ?? 0).toBeGreaterThan(300)

    await page.getByLabel('Find someone').fill('dee')
    await page.getByRole('button', { name: 'Find' }).click()
    await expect(page.getByRole('heading', { name: 'Eli Ford' })).toHaveCount(0)
    await checkIn.tap()
    await expect(page.getByText('Dee Evans is checked in.')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'Dee Evans' }).locator('.govuk-tag')).toHaveText('Checked in')
    // A mistake on the day is undone, then put right.
    await page.getByRole('button', { name: /^Undo check-in\W+Dee Evans$/ }).tap()
    await expect(page.getByText('Dee Evans’s check-in is undone.')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'Dee Evans' }).locator('.govuk-tag')).toHaveText('Confirmed')
    await checkIn.tap()
    await expect(page.getByText('Dee Evans is checked in.')).toBeVisible()

    await page.getByLabel('Find someone').fill('')
    await page.getByRole('button', { name: 'Find' }).click()
    await page.getByRole('button', { name: /^Did not come\W+Eli Ford$/ }).tap()
    await expect(page.getByText('Eli Ford is marked as not coming.')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'Eli Ford' }).locator('.govuk-tag')).toHaveText('Did not come')
    await page.getByRole('button', { name: /^Undo did not come\W+Eli Ford$/ }).tap()
    await expect(page.getByText('Eli Ford is no longer marked as not coming.')).toBeVisible()
    await expect(page.getByText('1 of 3 checked in.')).toBeVisible()
    // The rest at once, after asking.
    await page.getByRole('button', { name: 'Mark everyone not checked in as not coming' }).tap()
    await page.getByRole('button', { name: 'Yes, mark them as not coming' }).tap()
    await expect(page.getByText('2 people are marked as not coming.')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'Eli Ford' }).locator('.govuk-tag')).toHaveText('Did not come')
    await expect(page.getByRole('listitem').filter({ hasText: 'Flo Grant' }).locator('.govuk-tag')).toHaveText('Did not come')
    await expect(page.getByRole('button', { name: 'Mark everyone not checked in as not coming' })).toHaveCount(0)
    await expect(page.getByText('1 of 3 checked in.')).toBeVisible()
    await checkPage(page, 'staff-check-in-phone-done')

    await page.goto(`/staff/events/${event.id}/registrations`)
    await expect(page.getByRole('table')).toContainText('dee.evans@example.org')
    await checkPage(page, 'staff-event-registrations')
    await page.goto(`/staff/events/${event.id}/results`)
    await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible()
    await expect(page.getByText('33%')).toBeVisible()
    await checkPage(page, 'staff-event-results')
  })
})

test('staff change an event, cancel a registration and record an enquiry at the stall', async ({ page, request }) => {
  // Not Wirral's officer: the account journey gives that one an authenticator app.
  const staff = await tokenFor(request, 'recruitment.st-helens@example.org')
  const title = unique('Stall at the supermarket')
  const event = await createEvent(request, staff, { title, kind: 'stall', capacity: 2 }, 20 * 24 * 3600_000)
  expect(await registerFor(request, event.id, 'Fay Green', 'fay.green@example.org')).toBe('confirmed')
  expect(await registerFor(request, event.id, 'Gus Hill', 'gus.hill@example.org')).toBe('confirmed')
  expect(await registerFor(request, event.id, 'Hal Ives', 'hal.ives@example.org')).toBe('waitlisted')

  await signIn(page, 'recruitment.st-helens@example.org')
  await page.goto(`/staff/events/${event.id}`)
  await page.getByRole('link', { name: 'Change this event' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Change event' })).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue(title)
  await expect(page.getByLabel('Number of places (optional)')).toHaveValue('2')
  await checkPage(page, 'staff-event-edit')

  // Fewer places than people already booked is refused on the field.
  await page.getByLabel('Number of places (optional)').fill('1')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('link', { name: 'Must be at least 2: that many people already have places' })).toBeVisible()
  await page.getByLabel('Cost in pounds (optional)').fill('a lot')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('link', { name: 'Enter the cost in pounds, like 250 or 49.99' })).toBeVisible()
  await checkPage(page, 'staff-event-edit-errors')

  await page.getByLabel('Number of places (optional)').fill('3')
  await page.getByLabel('Cost in pounds (optional)').fill('250')
  const cohosts = page.getByRole('group', { name: /Co-hosting councils/ })
  const cohost = cohosts.getByRole('checkbox').first()
  const cohostName = (await cohosts.locator('label').first().textContent())?.trim() ?? ''
  await cohost.check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Your changes are saved')).toBeVisible()
  await expect(summaryRow(page, 'Cost')).toContainText('£250')
  await expect(summaryRow(page, 'Co-hosted with')).toContainText(cohostName)
  // The new place went to the first on the waiting list.
  await expect(summaryRow(page, 'On the waiting list')).toContainText('0')
  await expect(summaryRow(page, 'Places taken')).toContainText('3')

  // An enquiry taken at the stall, attributed to the event's campaign code.
  await page.getByRole('button', { name: 'Record enquiry' }).click()
  await expect(page.locator('.govuk-error-summary').getByRole('link')).toHaveText([
    'Enter their first name',
    'Enter their last name',
    'Enter their email address',
    'Enter their postcode',
    'Select the kinds of fostering they asked about, or Not sure yet',
    'Confirm they agreed that we contact them',
  ])
  await checkPage(page, 'staff-event-stall-enquiry-errors')
  await page.getByLabel('First name').fill('Ivy')
  await page.getByLabel('Last name').fill('Jones')
  await page.getByLabel('Email address').fill('ivy.jones@example.org')
  await page.getByLabel('Postcode').fill('WA10 1AA')
  await page.getByLabel('Not sure yet').check()
  await page.getByLabel('They agreed that we contact them about fostering').check()
  await page.getByRole('button', { name: 'Record enquiry' }).click()
  await expect(page.getByText(/Enquiry recorded for Ivy Jones: reference /)).toBeVisible()
  await expect(page.getByLabel('First name')).toHaveValue('')
  await checkPage(page, 'staff-event-stall-enquiry-recorded')
  await page.goto(`/staff/events/${event.id}/results`)
  await expect(summaryRow(page, 'Enquiries')).toContainText('1')
  await expect(summaryRow(page, 'Cost per enquiry')).toContainText('£250')

  // Cancelling someone's registration asks first.
  await page.goto(`/staff/events/${event.id}/registrations`)
  await page.getByRole('button', { name: 'Cancel Fay Green’s registration' }).click()
  await expect(page.getByRole('group', { name: 'Cancel Fay Green’s registration?' })).toBeFocused()
  await checkPage(page, 'staff-event-registration-cancel')
  await page.getByRole('button', { name: 'No, keep it' }).click()
  await expect(page.getByRole('heading', { name: 'Cancel Fay Green’s registration?' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Cancel Fay Green’s registration' }).click()
  await page.getByRole('button', { name: 'Yes, cancel it' }).click()
  await expect(page.getByText('Fay Green’s registration is cancelled')).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'Fay Green' })).toContainText('Cancelled')
  await checkPage(page, 'staff-event-registration-cancelled')
})

test('staff book themselves a place at a staff event, with the waiting list', async ({ page, request }) => {
  const host = await tokenFor(request, 'recruitment.halton@example.org')
  const colleague = await tokenFor(request, 'socialworker.halton@example.org')
  const title = unique('Team briefing')
  const event = await createEvent(request, host, { title, audience: 'staff', capacity: 1 }, 6 * 24 * 3600_000)
  const booked = await request.post(`/api/v1/events/${event.id}/bookings`, { headers: colleague })
  expect(booked.status(), await booked.text()).toBe(201)

  await signIn(page, 'manager.halton@example.org')
  await page.goto(`/staff/events/${event.id}`)
  const section = page.getByRole('region', { name: 'Your place' })
  await expect(section).toContainText('It is full: you can join the waiting list.')
  await section.getByRole('button', { name: 'Join the waiting list' }).click()
  await expect(page.getByText(`You are number 1 on the waiting list for ${title}`)).toBeVisible()
  await expect(section).toContainText('You are on the waiting list.')
  await expect(page.locator('.govuk-summary-list__row').filter({ hasText: 'On the waiting list' })).toContainText('1')
  await checkPage(page, 'staff-event-own-place')

  // The colleague cannot come: the place moves up to the manager, who is emailed.
  const cancelled = await request.delete(`/api/v1/events/${event.id}/bookings/me`, { headers: colleague })
  expect(cancelled.status()).toBe(204)
  expect(emailsTo('manager.halton@example.org').map((m) => m.subject)).toContain(`A place has come up: ${title}`)
  await page.reload()
  await expect(section).toContainText('You have a place.')
  await section.getByRole('button', { name: 'Cancel your place' }).click()
  await expect(page.getByText('Your place is cancelled')).toBeVisible()
  await expect(section.getByRole('button', { name: 'Book yourself a place' })).toBeVisible()
})

test('a carer books a celebration for carers in the portal', async ({ page, request }) => {
  const staff = await tokenFor(request, 'recruitment.liverpool@example.org')
  const title = unique('Carers’ summer party')
  await createEvent(request, staff, { title, kind: 'celebration', audience: 'carers', capacity: 30 }, 15 * 24 * 3600_000)

  await signIn(page, 'carer.okafor.liverpool@example.org')
  await page.getByRole('link', { name: 'Events', exact: true }).first().click()
  await expect(page).toHaveTitle('Events – Carers’ portal – Liverpool City Council – Foster Hub')
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
  await checkPage(page, 'portal-events')
  await page.getByRole('button', { name: `Book a place at ${title}` }).click()
  await expect(page.getByText(`You have a place at ${title}`)).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: title }).getByText('Booked', { exact: true })).toBeVisible()
  await checkPage(page, 'portal-events-booked')
  await page.getByRole('button', { name: `Cancel booking at ${title}` }).click()
  await expect(page.getByText('Your booking is cancelled')).toBeVisible()
  await expect(page.getByRole('button', { name: `Book a place at ${title}` })).toBeVisible()
})
