import { describe, expect, it } from 'vitest'
import { daysLeftText, validityText } from './vocabulary'

describe('training words', () => {
  it('says how long a completion counts', () => {
    expect(validityText(null)).toBe('Does not expire')
    expect(validityText(12)).toBe('Valid for 1 year')
    expect(validityText(36)).toBe('Valid for 3 years')
    expect(validityText(18)).toBe('Valid for 18 months')
    expect(validityText(1)).toBe('Valid for 1 month')
  })

  it('says how long is left before a TSD deadline', () => {
    expect(daysLeftText(14)).toBe('14 days left')
    expect(daysLeftText(1)).toBe('1 day left')
    expect(daysLeftText(0)).toBe('Due today')
    expect(daysLeftText(-1)).toBe('1 day overdue')
    expect(daysLeftText(-30)).toBe('30 days overdue')
  })
})
