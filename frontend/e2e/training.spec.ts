/** Training: a carer books a session in the portal; staff see records and who is behind on TSD. */
import { createCourse, createEvent, tokenFor, unique } from './events-api'
import { checkPage, expect, londonDay, signIn, test } from './support'

test('a carer books a training session and sees it on their record', async ({ page, request }) => {
  const staff = await tokenFor(request, 'recruitment.liverpool@example.org')
  const course = unique('Safer caring')
  const courseId = await createCourse(request, staff, { name: course, is_tsd: true, valid_for_months: 36 })
  const title = unique('Safer caring workshop')
  await createEvent(request, staff, { title, kind: 'training', audience: 'carers', course_id: courseId, capacity: 1 }, 12 * 24 * 3600_000)

  await signIn(page, 'carer.okafor.liverpool@example.org')
  await page.getByRole('link', { name: 'Training' }).first().click()
  await expect(page).toHaveTitle('Training – Carers’ portal – Liverpool City Council – Foster Hub')
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
  await checkPage(page, 'portal-training')

  await page.getByRole('button', { name: `Book a place on ${title}` }).click()
  await expect(page.getByText(`You are booked on ${title}`)).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: title }).getByText('Booked', { exact: true })).toBeVisible()
  await checkPage(page, 'portal-training-booked')

  await page.getByRole('link', { name: 'See your training record and when courses expire' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your training record' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Training, Support and Development Standards' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: course })).toContainText('Not done')
  await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText('Booked')
  await checkPage(page, 'portal-training-record')

  // The one place is taken: the next carer joins the waiting list.
  const other = await page.context().browser()!.newContext()
  const theirs = await other.newPage()
  await signIn(theirs, 'carer.jones.liverpool@example.org')
  await theirs.goto('/portal/training')
  await theirs.getByRole('button', { name: `Join the waiting list on ${title}` }).click()
  await expect(theirs.getByText(`You are number 1 on the waiting list for ${title}`)).toBeVisible()
  await other.close()
})

test('staff see who is behind on TSD, a carer’s record, and record a completed course', async ({ page, request }) => {
  const staff = await tokenFor(request, 'socialworker.wirral@example.org')
  const course = unique('Skills to Foster')
  await createCourse(request, staff, { name: course, is_tsd: true })

  await signIn(page, 'socialworker.wirral@example.org')
  await page.getByRole('link', { name: 'Training' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible()
  await checkPage(page, 'staff-training')

  await page.getByRole('link', { name: 'Carers behind on the TSD standards' }).click()
  // The demo carers were approved in 2021: long past their deadline.
  await expect(page.getByRole('row').filter({ hasText: 'The Evans household' })).toContainText('overdue')
  await checkPage(page, 'staff-training-tsd')

  await page.getByRole('link', { name: 'The Evans household' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Training record' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: course })).toContainText('Not done')
  await checkPage(page, 'staff-carer-training')

  await page.getByRole('button', { name: 'Record a completed course' }).click()
  await checkPage(page, 'staff-record-completion')
  await page.getByLabel('Course').selectOption({ label: course })
  const completed = londonDay(-2)
  await page.getByLabel('Day').fill(String(completed.day))
  await page.getByLabel('Month').fill(String(completed.month))
  await page.getByLabel('Year').fill(String(completed.year))
  await page.getByRole('button', { name: 'Record course' }).click()
  await expect(page.getByText(`${course} is recorded as completed`)).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: course }).first()).toContainText('Up to date')

  await page.goto('/staff/training/carers?q=evans')
  await expect(page.getByRole('link', { name: 'The Evans household' })).toBeVisible()
  await checkPage(page, 'staff-training-carers')

  await page.goto('/staff/training/courses')
  await expect(page.getByRole('row').filter({ hasText: course })).toBeVisible()
  await checkPage(page, 'staff-training-courses')
  await page.getByRole('button', { name: 'Add a course' }).click()
  await page.getByRole('button', { name: 'Add course' }).click()
  await expect(page.locator('.govuk-error-summary').getByRole('link')).toHaveText([
    'Enter the course’s name',
    'Select whether the course is part of the TSD standards',
  ])
  await checkPage(page, 'staff-training-course-new')
  const added = unique('Paediatric first aid')
  await page.getByLabel('Name').fill(added)
  await page.getByLabel('No').check()
  await page.getByLabel('How many months').fill('36')
  await page.getByRole('button', { name: 'Add course' }).click()
  await expect(page.getByRole('row').filter({ hasText: added })).toContainText('Valid for 3 years')

  // Change it, then retire it: it stays listed as retired.
  await page.getByRole('link', { name: `Change ${added}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Change course' })).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue(added)
  await page.getByLabel('Name').fill('')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('link', { name: 'Enter the course’s name' })).toBeVisible()
  await checkPage(page, 'staff-training-course-edit')
  await page.getByLabel('Name').fill(`${added} (old)`)
  await page.getByLabel('How many months').fill('24')
  await page.getByLabel('No, retire it').check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('row').filter({ hasText: `${added} (old)` })).toContainText('Retired')
  await expect(page.getByRole('row').filter({ hasText: `${added} (old)` })).toContainText('Valid for 2 years')
})

test('a carer gets a private calendar address for their bookings, and a new one stops the old', async ({ page, request }) => {
  await signIn(page, 'carer.khan.sefton@example.org')
  await page.goto('/portal/training/record')
  await expect(page.getByRole('heading', { level: 1, name: 'Your training record' })).toBeVisible()
  const section = page.getByRole('region', { name: 'Add your bookings to your calendar' })
  const address = section.locator('#calendar-address')
  await expect(address).toHaveCount(0)
  await section.getByRole('button', { name: 'Get your calendar address' }).click()
  await expect(address).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[\w-]{40,}\.ics$/)
  const first = (await address.textContent())?.trim() ?? ''
  const calendar = await request.get(first)
  expect(calendar.status()).toBe(200)
  expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/)
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR')
  await checkPage(page, 'portal-training-calendar-address')

  // A new address replaces it: the old one stops working at once.
  await section.getByRole('button', { name: 'Get a new address' }).click()
  await expect(address).not.toHaveText(first)
  const second = (await address.textContent())?.trim() ?? ''
  expect(second).toMatch(/\/api\/v1\/calendar\/[\w-]{40,}\.ics$/)
  expect((await request.get(first)).status()).toBe(404)
  expect((await request.get(second)).status()).toBe(200)
})
