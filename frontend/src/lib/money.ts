/** Money the GOV.UK way: "£500", "£1,234.50". The API counts pence; people type pounds. */

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })

/** `50000` → "£500", `12345` → "£123.45"; whole pounds are written without pence. */
export function formatPence(pence: number | null | undefined): string {
  if (pence === null || pence === undefined || !Number.isFinite(pence)) return ''
  return pence % 100 === 0 ? wholePounds.format(pence / 100) : pounds.format(pence / 100)
}

const POUNDS = /^\d{1,3}(,\d{3})*(\.\d{1,2})?$|^\d+(\.\d{1,2})?$/

/**
 * What someone typed as pounds, in pence: "1,234.5" → 123450, "£20" → 2000. `null` when it is
 * not an amount of money (negative, more than two decimal places, letters).
 */
export function parsePounds(input: string): number | null {
  const value = input.trim().replace(/^£\s*/, '')
  if (!POUNDS.test(value)) return null
  const [whole = '0', fraction = ''] = value.replace(/,/g, '').split('.')
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return Number.isSafeInteger(pence) ? pence : null
}
