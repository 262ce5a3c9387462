/** The periods reports cover: date ranges in the address, the default year, Ofsted's years. */

export interface Period {
  /** YYYY-MM-DD, both days included. */
  from: string
  to: string
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Today's date in the UK as YYYY-MM-DD: the reports count London's days, each from midnight in Europe/London. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function isIsoDate(value: string | null | undefined): value is string {
  const match = value ? ISO_DATE.exec(value) : null
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * The 12 months to `today`, as the API's default: 23 November 2026 → 24 November 2025 to
 * 23 November 2026. A year before 29 February is 1 March.
 */
export function lastTwelveMonths(today: string): Period {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const yearBefore = new Date(Date.UTC(y - 1, m - 1, d))
  // 29 February a year back rolls to 1 March by itself; one more day after that.
  if (yearBefore.getUTCMonth() !== m - 1) yearBefore.setUTCDate(0)
  yearBefore.setUTCDate(yearBefore.getUTCDate() + 1)
  return { from: iso(yearBefore), to: today }
}

/** The period in the address (`from`, `to`), or the last 12 months when either is missing or wrong. */
export function periodFrom(params: URLSearchParams, today: string): Period {
  const from = params.get('from')
  const to = params.get('to')
  if (isIsoDate(from) && isIsoDate(to) && from <= to) return { from, to }
  return lastTwelveMonths(today)
}

/** The Ofsted collection year now running: it starts on 1 April. */
export function currentOfstedYear(today: string): number {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return m >= 4 ? y : y - 1
}

/** The last complete collection year, which the return shows unless another is chosen. */
export function defaultOfstedYear(today: string): number {
  return currentOfstedYear(today) - 1
}

/** "1 April 2025 to 31 March 2026". */
export function ofstedYearLabel(year: number): string {
  return `1 April ${year} to 31 March ${year + 1}`
}

/** The years to choose from, newest first: the one running and the `count - 1` before it. */
export function ofstedYears(today: string, count = 6): number[] {
  const current = currentOfstedYear(today)
  return Array.from({ length: count }, (_, i) => current - i)
}

/** The year in the address when it is one of the choices, otherwise the default. */
export function ofstedYearFrom(params: URLSearchParams, today: string): number {
  const year = Number(params.get('year'))
  return ofstedYears(today).includes(year) ? year : defaultOfstedYear(today)
}

/** `{day, month, year}` parts of a YYYY-MM-DD date, for GOV.UK's date input. */
export function dateParts(value: string): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = value.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}
