import { describe, expect, it } from 'vitest'
import {
  anyHidden,
  countPoint,
  FEWER_THAN_5,
  formatAmount,
  formatChange,
  formatCount,
  formatPence,
  formatRegionalShare,
  formatShare,
  isHidden,
  isHiddenFigure,
  percent,
  shareOf,
  sharePoint,
  WITHHELD,
} from './figures'

describe('hidden counts', () => {
  it('reads "fewer than 5" and "withheld" as words, never a number', () => {
    expect(formatCount(FEWER_THAN_5)).toBe('fewer than 5')
    expect(formatCount(WITHHELD)).toBe('withheld')
    expect(isHidden('fewer than 5')).toBe(true)
    expect(isHidden('withheld')).toBe(true)
    expect(isHidden(4)).toBe(false)
    expect(isHidden(0)).toBe(false)
  })

  it('writes plain counts with thousands separators, zero as 0', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(5)).toBe('5')
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(null, 'None')).toBe('None')
  })

  it('charts a hidden count as a labelled gap, not a zero bar', () => {
    expect(countPoint(FEWER_THAN_5)).toEqual({ kind: 'gap', text: 'fewer than 5 (not shown)' })
    expect(countPoint(WITHHELD)).toEqual({ kind: 'gap', text: 'withheld (not shown)' })
    expect(countPoint(0)).toEqual({ kind: 'bar', value: 0, text: '0' })
    expect(countPoint(12)).toEqual({ kind: 'bar', value: 12, text: '12' })
    expect(countPoint(undefined)).toEqual({ kind: 'gap', text: 'no figure' })
  })

  it('says a share made from a hidden count is not shown', () => {
    expect(formatShare(null, { hidden: anyHidden(20, FEWER_THAN_5) })).toBe('not shown')
    expect(formatShare(null, { hidden: anyHidden(WITHHELD, 3) })).toBe('not shown')
    expect(formatShare(null, { hidden: anyHidden(20, 0), none: 'No target' })).toBe('No target')
    expect(sharePoint(null, true)).toEqual({ kind: 'gap', text: 'not shown' })
    expect(sharePoint(null, false, 'no target')).toEqual({ kind: 'gap', text: 'no target' })
  })

  it('tells a regional share that is hidden from one that does not exist by what it is over', () => {
    // Over nothing: no share. Over a hidden count, or over a count the API hid it beside anyway: not shown.
    expect(isHiddenFigure(null, 0)).toBe(false)
    expect(isHiddenFigure(null, FEWER_THAN_5)).toBe(true)
    expect(isHiddenFigure(null, WITHHELD)).toBe(true)
    expect(isHiddenFigure(null, 20)).toBe(true)
    expect(isHiddenFigure(0.5, WITHHELD)).toBe(false)
    expect(formatRegionalShare(null, 0, 'None')).toBe('None')
    expect(formatRegionalShare(null, WITHHELD, 'None')).toBe('not shown')
    expect(formatRegionalShare(0.25, 20, 'None')).toBe('25%')
  })

  it('never divides a hidden count', () => {
    expect(shareOf(FEWER_THAN_5, 20)).toBeNull()
    expect(shareOf(3, FEWER_THAN_5)).toBeNull()
    expect(shareOf(WITHHELD, 20)).toBeNull()
    expect(shareOf(3, 0)).toBeNull()
    expect(shareOf(0, 20)).toBe(0)
    expect(shareOf(5, 20)).toBe(0.25)
  })
})

describe('percentages', () => {
  it('rounds to one decimal place and drops a trailing .0', () => {
    expect(percent(0.25)).toBe('25%')
    expect(percent(0.6667)).toBe('66.7%')
    expect(percent(0.7553)).toBe('75.5%')
    expect(percent(1 / 3)).toBe('33.3%')
    expect(percent(0)).toBe('0%')
    expect(percent(1)).toBe('100%')
    expect(percent(0.99996)).toBe('100%')
    expect(percent(0.0005)).toBe('0.1%')
    expect(percent(0.0004)).toBe('0%')
  })

  it('shows a share that does not exist in words', () => {
    expect(formatShare(0.5)).toBe('50%')
    expect(formatShare(0)).toBe('0%')
    expect(formatShare(null)).toBe('Not applicable')
    expect(formatShare(undefined, { none: 'None' })).toBe('None')
  })

  it('charts a share as a bar on its value', () => {
    expect(sharePoint(0.2676)).toEqual({ kind: 'bar', value: 0.2676, text: '26.8%' })
  })
})

describe('days, money and changes', () => {
  it('writes durations in their unit', () => {
    expect(formatAmount(9.5, 'working_days')).toBe('9.5 working days')
    expect(formatAmount(1, 'working_days')).toBe('1 working day')
    expect(formatAmount(210.32, 'calendar_days')).toBe('210.3 days')
    expect(formatAmount(8, 'months')).toBe('8 months')
    expect(formatAmount(null, 'calendar_days', 'None')).toBe('None')
  })

  it('writes pence as pounds', () => {
    expect(formatPence(120000)).toBe('£1,200')
    expect(formatPence(13333)).toBe('£133.33')
    expect(formatPence(null, 'None')).toBe('None')
  })

  it('signs a net change, and a hidden one says so', () => {
    expect(formatChange(3)).toBe('+3')
    expect(formatChange(-2)).toBe('−2')
    expect(formatChange(0)).toBe('0')
    expect(formatChange(null)).toBe('not shown')
  })
})
