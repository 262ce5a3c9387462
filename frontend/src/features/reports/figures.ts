/**
 * How report figures read: counts, the regional "fewer than 5" and "withheld", shares as
 * percentages, days, targets and money. A hidden count is never shown or charted as a number.
 */

/** What a regional report says instead of a count from 1 to 4 (primary suppression). */
export const FEWER_THAN_5 = 'fewer than 5'

/**
 * What a regional report says instead of a figure that would give a hidden count away by
 * subtraction (secondary suppression): a total beside a "fewer than 5" part, or the part next to it.
 */
export const WITHHELD = 'withheld'

/** What a share, median, average or change made from a hidden count reads. */
export const NOT_SHOWN = 'not shown'

export type HiddenCount = typeof FEWER_THAN_5 | typeof WITHHELD

/** A council's count is a number; a region's may be the words "fewer than 5" or "withheld". */
export type Count = number | HiddenCount

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** True for a count the region hides: "fewer than 5" or "withheld". */
export function isHidden(count: Count | null | undefined): count is HiddenCount {
  return count === FEWER_THAN_5 || count === WITHHELD
}

/** `1234` → "1,234"; "fewer than 5" and "withheld" stay words; a missing count reads `none`. */
export function formatCount(count: Count | null | undefined, none = 'Not known'): string {
  if (isHidden(count)) return count
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
 * A share as the table shows it. The API gives null for any share made from a hidden count:
 * that reads "not shown" (`hidden`), never a number; a share that does not exist reads `none`.
 */
export function formatShare(share: number | null | undefined, options: { hidden?: boolean; none?: string } = {}): string {
  if (share !== null && share !== undefined && Number.isFinite(share)) return percent(share)
  return options.hidden ? NOT_SHOWN : (options.none ?? 'Not applicable')
}

/**
 * Whether a regional share, median or average that is null is one the region hides, told from
 * what it is taken over: over nothing (`over` is 0) it does not exist; otherwise it is hidden.
 * The counts beside it cannot tell: the API also hides a share whose own counts are shown when
 * it would give away a hidden count elsewhere, and a median of 1 to 4 things.
 */
export function isHiddenFigure(value: number | null | undefined, over: Count | null | undefined): boolean {
  if (value !== null && value !== undefined) return false
  return over !== 0 && over !== null && over !== undefined
}

/** A regional share: its percentage, "not shown" when the region hides it, else `none`. */
export function formatRegionalShare(share: number | null | undefined, over: Count | null | undefined, none: string): string {
  return formatShare(share, { hidden: isHiddenFigure(share, over), none })
}

/**
 * `part` over `whole` (0 to 1), or null when it cannot be told: nothing to divide by, or either
 * count hidden (a share of "fewer than 5" would give the count away).
 */
export function shareOf(part: Count | null | undefined, of: Count | null | undefined): number | null {
  if (typeof part !== 'number' || typeof of !== 'number' || of <= 0) return null
  return part / of
}

/** True when any of the counts is hidden: a share made from them is not shown, not missing. */
export function anyHidden(...counts: (Count | null | undefined)[]): boolean {
  return counts.some(isHidden)
}

/** What a chart draws for a figure: a bar, or a labelled gap (never a zero-length bar). */
export type ChartPoint = { kind: 'bar'; value: number; text: string } | { kind: 'gap'; text: string }

/** A count for a chart: a hidden count is a gap labelled with its words; a missing count a gap too. */
export function countPoint(count: Count | null | undefined): ChartPoint {
  if (typeof count === 'number' && Number.isFinite(count)) return { kind: 'bar', value: count, text: formatCount(count) }
  return { kind: 'gap', text: isHidden(count) ? `${count} (not shown)` : 'no figure' }
}

/** A share for a chart: a hidden share is a gap labelled "not shown", a missing one `none`. */
export function sharePoint(share: number | null | undefined, hidden = false, none = 'no figure'): ChartPoint {
  if (share !== null && share !== undefined && Number.isFinite(share)) return { kind: 'bar', value: share, text: percent(share) }
  return { kind: 'gap', text: hidden ? NOT_SHOWN : none }
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

/** A signed change: 3 → "+3", -2 → "−2", 0 → "0"; one made from a hidden count is "not shown". */
export function formatChange(change: number | null | undefined, none = NOT_SHOWN): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return none
  if (change > 0) return `+${whole.format(change)}`
  if (change < 0) return `−${whole.format(-change)}`
  return '0'
}
