import { describe, expect, it } from 'vitest'
import { formatPence, parsePounds } from './money'

describe('money', () => {
  it('writes pence as pounds, without pence when whole', () => {
    expect(formatPence(50000)).toBe('£500')
    expect(formatPence(12345)).toBe('£123.45')
    expect(formatPence(5)).toBe('£0.05')
    expect(formatPence(123456700)).toBe('£1,234,567')
    expect(formatPence(0)).toBe('£0')
    expect(formatPence(null)).toBe('')
  })

  it('reads pounds as typed into pence', () => {
    expect(parsePounds('500')).toBe(50000)
    expect(parsePounds('£1,234.5')).toBe(123450)
    expect(parsePounds(' 12.34 ')).toBe(1234)
    expect(parsePounds('0.07')).toBe(7)
    expect(parsePounds('1234')).toBe(123400)
  })

  it('refuses what is not an amount of money', () => {
    for (const bad of ['', '-5', '12.345', 'ten', '1,23', '1.2.3', '£', '12,34.00']) expect(parsePounds(bad), bad).toBeNull()
  })
})
