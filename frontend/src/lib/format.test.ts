import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatTime } from './format'

describe('dates and times the GOV.UK way, in UK time', () => {
  it('writes dates in full', () => {
    expect(formatDate('2026-11-23T10:00:00Z')).toBe('23 November 2026')
  })
  it('writes times as 9am, 6:30pm, midday and midnight, in British Summer Time when it applies', () => {
    expect(formatTime('2026-11-23T09:00:00Z')).toBe('9am')
    expect(formatTime('2026-07-01T17:30:00Z')).toBe('6:30pm')
    expect(formatTime('2026-11-23T12:00:00Z')).toBe('midday')
    expect(formatTime('2026-11-23T00:00:00Z')).toBe('midnight')
    expect(formatDateTime('2027-01-20T18:00:00+00:00')).toBe('20 January 2027 at 6pm')
  })
  it('gives nothing for a value that is not a date', () => {
    expect(formatDate('soon')).toBe('')
  })
})
