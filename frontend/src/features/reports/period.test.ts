import { describe, expect, it } from 'vitest'
import { checkPeriod } from './components/PeriodForm'
import {
  currentOfstedYear,
  dateParts,
  defaultOfstedYear,
  isIsoDate,
  lastTwelveMonths,
  ofstedYearFrom,
  ofstedYearLabel,
  ofstedYears,
  periodFrom,
  todayIso,
} from './period'

describe('the period', () => {
  it('defaults to the 12 months to today, as the API does', () => {
    expect(lastTwelveMonths('2026-11-23')).toEqual({ from: '2025-11-24', to: '2026-11-23' })
    expect(lastTwelveMonths('2026-01-01')).toEqual({ from: '2025-01-02', to: '2026-01-01' })
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' })
    expect(lastTwelveMonths('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('takes the period from the address only when it is a real, ordered pair of dates', () => {
    const today = '2026-11-23'
    expect(periodFrom(new URLSearchParams('from=2026-01-01&to=2026-06-30'), today)).toEqual({ from: '2026-01-01', to: '2026-06-30' })
    expect(periodFrom(new URLSearchParams('from=2026-06-30&to=2026-01-01'), today)).toEqual(lastTwelveMonths(today))
    expect(periodFrom(new URLSearchParams('from=2026-02-30&to=2026-06-30'), today)).toEqual(lastTwelveMonths(today))
    expect(periodFrom(new URLSearchParams(''), today)).toEqual(lastTwelveMonths(today))
    expect(isIsoDate('2026-13-01')).toBe(false)
  })

  it('knows today in the UK', () => {
    expect(todayIso(new Date('2026-11-23T12:00:00Z'))).toBe('2026-11-23')
    // In summer London is an hour ahead of UTC: 23:30 UTC on 30 June is already 1 July there.
    expect(todayIso(new Date('2026-06-30T22:30:00Z'))).toBe('2026-06-30')
    expect(todayIso(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
  })

  it('checks the dates typed', () => {
    const parts = dateParts
    expect(parts('2025-11-24')).toEqual({ day: '24', month: '11', year: '2025' })
    expect(checkPeriod(parts('2026-01-01'), parts('2026-06-30'), '2026-11-23')).toEqual({
      errors: {},
      period: { from: '2026-01-01', to: '2026-06-30' },
    })
    expect(checkPeriod({ day: '', month: '', year: '' }, parts('2026-06-30'), '2026-11-23').errors).toEqual({
      from: 'Enter the date the reports start from',
    })
    expect(checkPeriod({ day: '31', month: '2', year: '2026' }, parts('2026-06-30'), '2026-11-23').errors.from).toBe(
      'The start date must be a real date',
    )
    expect(checkPeriod(parts('2026-07-01'), parts('2026-06-30'), '2026-11-23').errors.to).toBe(
      'The end date must be the same as or after the start date',
    )
    expect(checkPeriod(parts('2026-07-01'), parts('2026-12-01'), '2026-11-23').errors.to).toBe('The end date must be today or in the past')
  })
})

describe('the Ofsted year', () => {
  it('runs from 1 April to 31 March, and shows the last complete one by default', () => {
    expect(ofstedYearLabel(2025)).toBe('1 April 2025 to 31 March 2026')
    expect(currentOfstedYear('2026-11-23')).toBe(2026)
    expect(defaultOfstedYear('2026-11-23')).toBe(2025)
    expect(currentOfstedYear('2026-03-31')).toBe(2025)
    expect(defaultOfstedYear('2026-03-31')).toBe(2024)
    expect(currentOfstedYear('2026-04-01')).toBe(2026)
  })

  it('offers the year running and the five before it', () => {
    expect(ofstedYears('2026-11-23')).toEqual([2026, 2025, 2024, 2023, 2022, 2021])
    expect(ofstedYearFrom(new URLSearchParams('year=2023'), '2026-11-23')).toBe(2023)
    expect(ofstedYearFrom(new URLSearchParams('year=1999'), '2026-11-23')).toBe(2025)
    expect(ofstedYearFrom(new URLSearchParams(''), '2026-11-23')).toBe(2025)
  })
})
