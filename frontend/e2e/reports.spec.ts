/** Reports: a council's dashboard for managers, the region's for regional viewers, no one else. */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { checkPage, dayAfterAYearBefore, expect, londonDay, signIn, test } from './support'

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') }
}

/** A CSV whose first line is a header row of snake_case column names. */
function expectCsvWithHeader(text: string, firstColumns: string) {
  const [header, ...rows] = text.trim().split(/\r?\n/)
  expect(header).toMatch(/^[a-z_]+(,[a-z_0-9]+)+$/)
  expect(header?.startsWith(firstColumns)).toBe(true)
  expect(rows.length).toBeGreaterThan(0)
}

test('a manager opens the council’s reports: charts, tables, and a period that is not one', async ({ page }) => {
  await signIn(page, 'manager.liverpool@example.org')
  await page.getByRole('link', { name: 'Reports' }).first().click()
  await expect(page).toHaveURL(/\/staff\/reports$/)
  await expect(page).toHaveTitle('Reports – Staff workspace – Liverpool City Council – Foster Hub')
  // The last 12 months to today, both days included.
  const today = londonDay()
  await expect(page.getByText(`Figures from ${dayAfterAYearBefore(today)} to ${today.words}`)).toBeVisible()
  for (const name of ['Recruitment funnel', 'Time in stage', 'Sources', 'Withdrawals', 'Retention', 'Ofsted return']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
  }
  // Every report has its download button.
  for (const report of ['recruitment funnel', 'time in stage', 'sources', 'withdrawals', 'retention', 'Ofsted return']) {
    await expect(page.getByRole('button', { name: `Download CSV of the ${report}` })).toBeVisible()
  }
  // Each chart is a figure named in words, with the same figures in a table.
  const funnel = page.getByRole('table', { name: 'Enquiries received in the period, by the furthest stage each reached' })
  await expect(funnel.getByRole('rowheader', { name: 'Enquiry', exact: true })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Bar chart: Enquiries received in the period/ }).first()).toBeVisible()
  // The conversion between every pair of stages: a row for each stage, a column for each later one.
  const conversions = page.getByRole('table', { name: /^Conversion between every pair of stages/ })
  await expect(conversions.getByRole('rowheader', { name: 'Enquiry', exact: true })).toBeVisible()
  await expect(conversions.getByRole('columnheader', { name: 'To approved' })).toBeVisible()
  await expect(conversions.getByRole('cell').first()).toHaveText(/^\d+(\.\d)?%$/)
  // Costs in pounds, over everything a campaign (or a channel's costed campaigns) ever brought, and said so.
  await expect(page.getByText(/divided by every enquiry the code has ever brought/)).toBeVisible()
  const campaigns = page.getByRole('table', { name: 'Campaign codes' })
  await expect(campaigns.getByRole('columnheader', { name: 'Enquiries ever' })).toBeVisible()
  await expect(campaigns.getByRole('cell', { name: /^£[\d,]+(\.\d\d)?$/ }).first()).toBeVisible()
  const channelCosts = page.getByRole('table', { name: 'Cost by channel, over everything its costed campaigns brought' })
  await expect(channelCosts.getByRole('columnheader', { name: 'Cost per enquiry' })).toBeVisible()
  await expect(channelCosts.getByRole('cell', { name: /^£[\d,]+(\.\d\d)?$/ }).first()).toBeVisible()
  await checkPage(page, 'staff-reports')

  // A period that is not one: GOV.UK's error pattern.
  await page.getByRole('group', { name: 'To' }).getByLabel('Day').fill('31')
  await page.getByRole('group', { name: 'To' }).getByLabel('Month').fill('2')
  await page.getByRole('button', { name: 'Update reports' }).click()
  await expect(page.getByRole('alert')).toContainText('The end date must be a real date')
  await expect(page).toHaveTitle(/^Error: Reports – /)
  await checkPage(page, 'staff-reports-error', { keyboard: false })
})

test('a manager changes the period, splits the funnel and downloads CSV files', async ({ page }) => {
  await signIn(page, 'manager.liverpool@example.org')
  await page.goto('/staff/reports')
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()

  // The first half of 2026, split by channel.
  const from = page.getByRole('group', { name: 'From' })
  await from.getByLabel('Day').fill('1')
  await from.getByLabel('Month').fill('1')
  await from.getByLabel('Year').fill('2026')
  const to = page.getByRole('group', { name: 'To' })
  await to.getByLabel('Day').fill('30')
  await to.getByLabel('Month').fill('6')
  await to.getByLabel('Year').fill('2026')
  await page.getByLabel('Split the funnel by').selectOption('channel')
  await page.getByRole('button', { name: 'Update reports' }).click()
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-06-30&by=channel/)
  await expect(page).toHaveTitle(/^Reports – /)
  await expect(page.getByText('Figures from 1 January 2026 to 30 June 2026')).toBeVisible()
  const splits = page.getByRole('table', { name: 'Enquiries received in the period, split by channel' })
  await expect(splits.getByRole('columnheader', { name: 'Enquiry to application' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Withdrawals in the period, by Ofsted reason code' })).toBeVisible()

  const funnelCsv = await download(page, 'Download CSV of the recruitment funnel')
  expect(funnelCsv.name).toBe('funnel-liverpool-2026-01-01-2026-06-30-channel.csv')
  expectCsvWithHeader(funnelCsv.text, 'group,group_label,group_starts_on,view,')
  for (const [report, file, header] of [
    ['time in stage', 'time-in-stage', 'section,stage,'],
    ['sources', 'sources', 'section,key,'],
    ['withdrawals', 'withdrawals', 'breakdown,code,'],
    ['retention', 'retention', 'measure,detail,value'],
  ] as const) {
    const csv = await download(page, `Download CSV of the ${report}`)
    expect(csv.name).toBe(`${file}-liverpool-2026-01-01-2026-06-30.csv`)
    expectCsvWithHeader(csv.text, header)
  }

  // Split by event instead: each event is a group (the demo's enquiries name none).
  await page.getByLabel('Split the funnel by').selectOption('event')
  await page.getByRole('button', { name: 'Update reports' }).click()
  await expect(page).toHaveURL(/by=event/)
  const byEvent = page.getByRole('table', { name: 'Enquiries received in the period, split by event' })
  await expect(byEvent.getByRole('rowheader', { name: 'No event' })).toBeVisible()

  // The Ofsted return has years of its own, 1 April to 31 March.
  await page.getByLabel('Collection year').selectOption({ label: '1 April 2024 to 31 March 2025' })
  await page.getByRole('button', { name: 'Show this year' }).click()
  await expect(page).toHaveURL(/year=2024/)
  await expect(page.getByRole('table', { name: 'Ofsted return figures for 1 April 2024 to 31 March 2025' })).toBeVisible()
  const ofstedCsv = await download(page, 'Download CSV of the Ofsted return')
  expect(ofstedCsv.name).toBe('ofsted-liverpool-2024.csv')
  expectCsvWithHeader(ofstedCsv.text, '')
  await checkPage(page, 'staff-reports-period', { keyboard: false })
})

test('a regional viewer sees the region’s figures, with small counts shown as “fewer than 5”', async ({ page }) => {
  await signIn(page, 'regional.viewer.lcr@example.org')
  await page.getByRole('link', { name: 'Reports' }).first().click()
  await expect(page).toHaveURL(/\/staff\/reports\/regions\/liverpool-city-region$/)
  await expect(page).toHaveTitle('Regional reports – Staff workspace – Liverpool City Council – Foster Hub')
  const byCouncil = page.getByRole('table', { name: 'How far enquiries got, by council' })
  for (const council of ['Halton Borough Council', 'Knowsley Council', 'Liverpool City Council', 'Sefton Council', 'St Helens Borough Council', 'Wirral Council']) {
    await expect(byCouncil.getByRole('rowheader', { name: council })).toBeVisible()
  }
  await expect(byCouncil.getByRole('rowheader', { name: 'Liverpool City Region (all councils)' })).toBeVisible()
  // Small counts read "fewer than 5", in the tables and as labelled gaps in the charts.
  await expect(byCouncil.getByRole('cell', { name: 'fewer than 5' }).first()).toBeVisible()
  await expect(page.locator('.fh-chart__gap').first()).toBeVisible()
  await expect(page.getByText('fewer than 5 (not shown)').first()).toBeVisible()
  // Shares made from hidden counts read "not shown"; the page says once what each word means.
  await expect(page.getByRole('cell', { name: 'not shown', exact: true }).first()).toBeVisible()
  for (const term of ['“fewer than 5”', '“withheld”', '“not shown”']) await expect(page.getByRole('term').filter({ hasText: term })).toHaveCount(1)
  // The region's conversions between every pair of stages.
  const conversions = page.getByRole('table', { name: /^Conversion between every pair of stages.*across Liverpool City Region$/ })
  await expect(conversions.getByRole('rowheader', { name: 'Initial visit' })).toBeVisible()
  await expect(conversions.getByRole('columnheader', { name: 'To application' })).toBeVisible()
  for (const report of ['recruitment funnel', 'time in stage', 'sources', 'withdrawals', 'retention', 'Ofsted return']) {
    await expect(page.getByRole('button', { name: `Download CSV of the regional ${report}` })).toBeVisible()
  }
  await checkPage(page, 'staff-reports-regional')

  const csv = await download(page, 'Download CSV of the regional withdrawals')
  expect(csv.name).toMatch(/^withdrawals-liverpool-city-region-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
  expectCsvWithHeader(csv.text, '')
  expect(csv.text).toContain('fewer than 5')

  // Not the council's own dashboard: the regional viewer is sent back to the region.
  await page.goto('/staff/reports')
  await expect(page).toHaveURL(/\/staff\/reports\/regions\/liverpool-city-region$/)
})

test('a regional viewer splits the region’s funnel by channel and by referral, by keyboard, and downloads the split', async ({ page }) => {
  await signIn(page, 'regional.viewer.lcr@example.org')
  await page.goto('/staff/reports/regions/liverpool-city-region')
  await expect(page.getByRole('table', { name: 'How far enquiries got, by council' })).toBeVisible()

  // By keyboard: the split control takes channel or referral only (campaign codes and events are councils' own).
  const split = page.getByLabel('Split the funnel by')
  await expect(split.getByRole('option')).toHaveText(['Do not split', 'Channel', 'Referred or not'])
  await split.focus()
  await page.keyboard.press('ArrowDown')
  await expect(split).toHaveValue('channel')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Update reports' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/by=channel/)

  // The region per channel, then each channel's councils side by side.
  const byChannel = page.getByRole('table', { name: 'Enquiries received in the period across Liverpool City Region, split by channel' })
  await expect(byChannel.getByRole('rowheader', { name: 'Website' })).toBeVisible()
  await expect(byChannel.getByRole('columnheader', { name: 'Enquiry to application' })).toBeVisible()
  const website = page.getByRole('table', { name: 'Website: how far enquiries got, by council' })
  await expect(website.getByRole('rowheader', { name: 'Halton Borough Council' })).toBeVisible()
  await expect(website.getByRole('rowheader', { name: 'Liverpool City Region (all councils)' })).toBeVisible()
  // Split this finely, small counts read "fewer than 5" and the figures that would give them away "withheld",
  // in the tables and as labelled gaps in the charts; never a number.
  const funnel = page.locator('#funnel')
  await expect(funnel.getByRole('cell', { name: 'fewer than 5', exact: true }).first()).toBeVisible()
  await expect(funnel.getByRole('cell', { name: 'withheld', exact: true }).first()).toBeVisible()
  await expect(funnel.getByText(/^(withheld|fewer than 5) \(not shown\)$/).first()).toBeVisible()
  await checkPage(page, 'staff-reports-regional-split')

  // The CSV is the same query: the period and the split.
  const csv = await download(page, 'Download CSV of the regional recruitment funnel')
  expect(csv.name).toMatch(/^funnel-liverpool-city-region-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-channel\.csv$/)
  expectCsvWithHeader(csv.text, 'council,view,')
  expect(csv.text).toMatch(/,website\r?\n/)

  // Another period, split by referral: the date controls still work beside the split.
  const from = londonDay(-200)
  const to = londonDay(-1)
  for (const [group, day] of [['From', from], ['To', to]] as const) {
    const dates = page.getByRole('group', { name: group })
    await dates.getByLabel('Day').fill(String(day.day))
    await dates.getByLabel('Month').fill(String(day.month))
    await dates.getByLabel('Year').fill(String(day.year))
  }
  await split.selectOption('referral')
  await page.getByRole('button', { name: 'Update reports' }).click()
  await expect(page).toHaveURL(/by=referral/)
  await expect(page.getByText(`Figures from ${from.words} to ${to.words}`)).toBeVisible()
  const byReferral = page.getByRole('table', { name: 'Enquiries received in the period across Liverpool City Region, split by whether they were referred' })
  await expect(byReferral.getByRole('rowheader', { name: 'Not referred' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Not referred: how far enquiries got, by council' })).toBeVisible()
  const referralCsv = await download(page, 'Download CSV of the regional recruitment funnel')
  const iso = (day: { year: number; month: number; day: number }) =>
    `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`
  expect(referralCsv.name).toBe(`funnel-liverpool-city-region-${iso(from)}-${iso(to)}-referral.csv`)
  await checkPage(page, 'staff-reports-regional-referral', { keyboard: false })

  // Not split: the split tables go.
  await split.selectOption('')
  await page.getByRole('button', { name: 'Update reports' }).click()
  await expect(page).not.toHaveURL(/by=/)
  await expect(page.getByRole('table', { name: /split by/ })).toHaveCount(0)
})

test('staff who are not managers cannot open reports', async ({ page }) => {
  await signIn(page, 'recruitment.liverpool@example.org')
  await expect(page.getByRole('link', { name: 'Reports' })).toHaveCount(0)
  await page.goto('/staff/reports')
  await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
  await checkPage(page, 'staff-reports-forbidden')
  await page.goto('/staff/reports/regions/liverpool-city-region')
  await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
})

test('a manager cannot open the region’s reports', async ({ page }) => {
  await signIn(page, 'manager.wirral@example.org')
  await page.goto('/staff/reports/regions/liverpool-city-region')
  await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
})
