/** Fixtures and checks every journey shares: sign-in, axe, the Tab walk, screenshots. */
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PASSWORD = 'fosterhub-demo-2026'
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots')
mkdirSync(SCREENSHOTS, { recursive: true })

/**
 * Console noise that is expected: Chromium logs every 4xx answer (a dead session's 401, a
 * form's 422, a stale edit's 412), which the journeys provoke on purpose.
 */
const EXPECTED_CONSOLE = [/Failed to load resource: the server responded with a status of 4\d\d/]

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!EXPECTED_CONSOLE.some((pattern) => pattern.test(text))) errors.push(`console: ${text}`)
    })
    await use(errors)
    // Any CSP refusal ("Refused to apply inline style ...") or uncaught error fails the test.
    expect(errors).toEqual([])
    },
    { auto: true },
  ],
  page: async ({ page, baseURL }, use) => {
    // Nothing leaves the machine: any request not to the test server is refused.
    const allowed = new URL(baseURL ?? 'http://127.0.0.1').host
    await page.route(
      (url) => url.host !== allowed && url.protocol !== 'data:',
      (route) => route.abort('blockedbyclient'),
    )
    await use(page)
  },
})

export { expect }

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/\/sign-in/)
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible()
}

/** No WCAG 2.2 A or AA violations that axe-core can find. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  )
  expect(found, `axe violations on ${page.url()}`).toEqual([])
}

/**
 * Presses Tab from the top of the page until focus leaves the document or comes round again,
 * and checks every visible control was reached: each link, button and field, and each radio
 * group (arrow keys move within a group, Tab enters it once).
 */
export async function expectKeyboardReachesEverything(page: Page): Promise<void> {
  const controls = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'
    const found: { key: string; label: string }[] = []
    const groups = new Set<string>()
    document.querySelectorAll<HTMLElement>(selector).forEach((element, index) => {
      const disabled = 'disabled' in element && (element as HTMLButtonElement).disabled
      const hidden = element.closest('[hidden], [inert], [aria-hidden="true"]') !== null
        // Inside a closed <details> (other than its summary): laid out, but not shown or focusable.
        || (element.closest('details:not([open])') !== null && element.closest('summary') === null)
      if (disabled || hidden || element.getClientRects().length === 0) return
      if (getComputedStyle(element).visibility === 'hidden') return
      let key = `c${index}`
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        key = `radio:${element.name}`
        if (groups.has(key)) return
        groups.add(key)
      }
      element.dataset.tabwalk = key
      found.push({ key, label: `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute('aria-label') ?? element.id).trim().slice(0, 40)}"` })
    })
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.dataset.tabwalk = `radio:${radio.name}`
    ;(document.activeElement as HTMLElement | null)?.blur()
    return found
  })
  // The page records where focus lands; the test only presses Tab.
  await page.evaluate(() => {
    const w = window as Window & { __tabwalk?: string[] }
    w.__tabwalk = []
    document.addEventListener('focusin', (event) => {
      const key = (event.target as HTMLElement | null)?.dataset?.tabwalk
      if (key) w.__tabwalk?.push(key)
    })
  })
  for (let i = 0; i < controls.length + 3; i++) await page.keyboard.press('Tab')
  const reached = new Set(await page.evaluate(() => (window as Window & { __tabwalk?: string[] }).__tabwalk ?? []))
  const missed = controls.filter((control) => !reached.has(control.key)).map((control) => control.label)
  expect(missed, `controls the keyboard cannot reach on ${page.url()}`).toEqual([])
}

/** Every page gets the same checks: title pattern, axe, the Tab walk and a screenshot. */
export async function checkPage(page: Page, name: string, options: { keyboard?: boolean } = {}): Promise<void> {
  await expect(page.locator('h1')).toBeVisible()
  await expect(page).toHaveTitle(/ – Foster Hub$/)
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
  await expectAccessible(page)
  if (options.keyboard ?? true) await expectKeyboardReachesEverything(page)
}

/** A day counted from today on the UK's calendar, `offset` days away: journeys never hard-code a date that goes stale. */
export function londonDay(offset = 0): { year: number; month: number; day: number; words: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d + offset))
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    words: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(date),
  }
}

/** "24 November 2025": the day after the same date a year before `today` (the reports' default period starts there). */
export function dayAfterAYearBefore(today: { year: number; month: number; day: number }): string {
  const before = new Date(Date.UTC(today.year - 1, today.month - 1, today.day))
  if (before.getUTCMonth() !== today.month - 1) before.setUTCDate(0) // 29 February a year back
  before.setUTCDate(before.getUTCDate() + 1)
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(before)
}
