/**
 * How report figures read: counts, the regional "fewer than 5", shares as percentages, days,
 * targets and money. A suppressed count is never shown or charted as a number.
 */

/** What a regional report says instead of a count from 1 to 4. */
export const FEWER_THAN_5 = 'fewer than 5'

/** A council's count is a number; a region's may be the words "fewer than 5". */
export type Count = number | typeof FEWER_THAN_5

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

export function isSuppressed(count: Count | null | undefined): count is typeof FEWER_THAN_5 {
  return count === FEWER_THAN_5
}

/** `1234` → "1,234"; "fewer than 5" stays words; a missing count reads `none`. */
export function formatCount(count: Count | null | undefined, none = 'Not known'): string {
  if (isSuppressed(count)) return FEWER_THAN_5
  if (count === null || count === undefined || !Number.isFinite(count)) return none
  return whole.format(count)
}

/**
 * A share (0 to 1) as a percentage to one decimal place, without a trailing ".0":
 * 0.25 → "25%", 0.6667 → "66.7%", 0.99996 → "100%".
 */
export function percent(share: number): string {
  const tenths = Math.round(share * 1000)
  return `${oneDecimal.format(tenths / 10)}%`
}

/**
 * A share as the table shows it. The API withholds (null) any share made from a suppressed
 * count: that reads "withheld", never a number; a share that does not exist reads `none`.
 */
export function formatShare(share: number | null | undefined, options: { withheld?: boolean; none?: string } = {}): string {
  if (share !== null && share !== undefined && Number.isFinite(share)) return percent(share)
  return options.withheld ? 'withheld' : (options.none ?? 'Not applicable')
}

/**
 * `part` over `whole` (0 to 1), or null when it cannot be told: nothing to divide by, or either
 * count suppressed (a share of "fewer than 5" would give the count away).
 */
export function shareOf(part: Count | null | undefined, of: Count | null | undefined): number | null {
  if (typeof part !== 'number' || typeof of !== 'number' || of <= 0) return null
  return part / of
}

/** True when any of the counts is suppressed: a share made from them is withheld, not missing. */
export function anySuppressed(...counts: (Count | null | undefined)[]): boolean {
  return counts.some(isSuppressed)
}

/** What a chart draws for a figure: a bar, or a labelled gap (never a zero-length bar). */
export type ChartPoint = { kind: 'bar'; value: number; text: string } | { kind: 'gap'; text: string }

/** A count for a chart: "fewer than 5" is a gap labelled so; a missing count a gap too. */
export function countPoint(count: Count | null | undefined): ChartPoint {
  if (typeof count === 'number' && Number.isFinite(count)) return { kind: 'bar', value: count, text: formatCount(count) }
  return { kind: 'gap', text: isSuppressed(count) ? `${FEWER_THAN_5} (not shown)` : 'no figure' }
}

/** A share for a chart: a withheld share is a gap labelled "withheld", a missing one "no figure". */
export function sharePoint(share: number | null | undefined, withheld = false, none = 'no figure'): ChartPoint {
  if (share !== null && share !== undefined && Number.isFinite(share)) return { kind: 'bar', value: share, text: percent(share) }
  return { kind: 'gap', text: withheld ? `withheld (${FEWER_THAN_5})` : none }
}

type Unit = 'working_days' | 'calendar_days' | 'months'

const UNIT_WORDS: Record<Unit, [string, string]> = {
  working_days: ['working day', 'working days'],
  calendar_days: ['day', 'days'],
  months: ['month', 'months'],
}

/** `9.5, 'working_days'` → "9.5 working days"; `1, 'calendar_days'` → "1 day". */
export function formatAmount(amount: number | null | undefined, unit: Unit, none = 'Not known'): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return none
  const [one, many] = UNIT_WORDS[unit]
  return `${oneDecimal.format(amount)} ${amount === 1 ? one : many}`
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })

/** `120000` → "£1,200", `13333` → "£133.33"; null → `none`. */
export function formatPence(pence: number | null | undefined, none = 'Not known'): string {
  if (pence === null || pence === undefined || !Number.isFinite(pence)) return none
  return pence % 100 === 0 ? wholePounds.format(pence / 100) : pounds.format(pence / 100)
}

/** A signed change: 3 → "+3", -2 → "−2", 0 → "0". */
export function formatChange(change: number | null | undefined, none = 'withheld'): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return none
  if (change > 0) return `+${whole.format(change)}`
  if (change < 0) return `−${whole.format(-change)}`
  return '0'
}
