import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { RegionalFunnel, RegionalSources, RegionalTimeInStage } from '../api/report-types'
import type { Count } from '../figures'
import { councilFunnel, regionalFunnel } from '../test-fixtures'
import { RegionalFunnelFigures, RegionalSourcesFigures, RegionalTimeInStageFigures } from './RegionalReports'

const report = regionalFunnel()

const rowCells = (table: HTMLElement, header: string) =>
  within(within(table).getByRole('rowheader', { name: header }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent)

describe('a regional funnel', () => {
  it('shows small counts as "fewer than 5", their shares as not shown, never as numbers', () => {
    render(<RegionalFunnelFigures report={report} />)
    const total = screen.getByRole('table', { name: /^Enquiries received in the period across Liverpool City Region/ })
    expect(rowCells(total, 'Assessment')).toEqual(['fewer than 5', 'not shown'])
    expect(rowCells(total, 'Application')).toEqual(['5', '15.2%'])
    // Zero is a real zero: panel reached by none, after a hidden stage, so its share is not shown either.
    expect(rowCells(total, 'Panel')).toEqual(['0', 'not shown'])

    const byCouncil = screen.getByRole('table', { name: 'How far enquiries got, by council' })
    expect(rowCells(byCouncil, 'Halton Borough Council')).toEqual(['19', '16', '8', 'fewer than 5', 'fewer than 5', '0', '0', 'fewer than 5'])
  })

  it('shows a figure withheld to protect a small one as "withheld", in the table and as a gap in the chart', () => {
    const withheldTotal: RegionalFunnel = { ...report, total: councilFunnel('total', 'Liverpool City Region', ['withheld', 71, 33, 5, 'fewer than 5', 0, 0]) }
    render(<RegionalFunnelFigures report={withheldTotal} />)
    const byCouncil = screen.getByRole('table', { name: 'How far enquiries got, by council' })
    expect(rowCells(byCouncil, 'Knowsley Council')).toEqual(['withheld', '11', 'withheld', 'fewer than 5', '0', '0', '0', 'withheld'])
    const total = screen.getByRole('table', { name: /^Enquiries received in the period across Liverpool City Region/ })
    expect(rowCells(total, 'Enquiry')).toEqual(['withheld', 'Not applicable'])
    // Made from a withheld count: not shown.
    expect(rowCells(total, 'Initial contact')).toEqual(['71', 'not shown'])
    const chart = screen.getByRole('img', { name: /^Bar chart: Enquiries received in the period across Liverpool City Region/ })
    const enquiry = chart.querySelectorAll('g.fh-chart__row')[0]!
    expect(enquiry.classList.contains('fh-chart__row--gap')).toBe(true)
    expect(enquiry.querySelector('.fh-chart__bar')).toBeNull()
    expect(enquiry.textContent).toContain('withheld (not shown)')
  })

  it('charts a hidden count as a labelled gap, and a zero as a bar of nothing', () => {
    const { container } = render(<RegionalFunnelFigures report={report} />)
    const chart = screen.getByRole('img', { name: /Bar chart: Enquiries received in the period across Liverpool City Region/ })
    const rows = chart.querySelectorAll('g.fh-chart__row')
    expect(rows).toHaveLength(7)
    const assessment = rows[4]!
    expect(assessment.classList.contains('fh-chart__row--gap')).toBe(true)
    expect(assessment.querySelector('.fh-chart__bar')).toBeNull()
    expect(assessment.textContent).toContain('fewer than 5 (not shown)')
    expect(rows[5]!.querySelector('.fh-chart__bar')?.getAttribute('width')).toBe('0')
    // No inline styles anywhere: the CSP allows none.
    expect(container.querySelectorAll('[style]')).toHaveLength(0)
    expect(screen.getAllByText(/A dashed box is a figure with no bar/).length).toBeGreaterThan(0)
  })

  it('lists the conversion between every pair of stages for the region, hiding those made from hidden counts', () => {
    render(<RegionalFunnelFigures report={report} />)
    const matrix = screen.getByRole('table', { name: /^Conversion between every pair of stages.*across Liverpool City Region$/ })
    const headers = within(matrix).getAllByRole('columnheader').map((c) => c.textContent)
    expect(headers).toEqual(['From', 'To initial contact', 'To initial visit', 'To application', 'To assessment', 'To panel', 'To approved'])
    expect(within(matrix).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Enquiry',
      'Initial contact',
      'Initial visit',
      'Application',
      'Assessment',
      'Panel',
    ])
    // From enquiry (94): 71, 33 and 5 shown; assessment is "fewer than 5", so its share is not shown; to panel 0%.
    expect(rowCells(matrix, 'Enquiry')).toEqual(['75.5%', '35.1%', '5.3%', 'not shown', '0%', '0%'])
    // From assessment ("fewer than 5"): not shown. The pairs the wrong way round are a dash, with words for screen readers.
    const assessment = rowCells(matrix, 'Assessment')
    expect(assessment.slice(4)).toEqual(['not shown', 'not shown'])
    expect(assessment[0]).toBe('–Not a later stage')
    // From panel (0): there is nothing to divide by.
    expect(rowCells(matrix, 'Panel')[5]).toBe('–None reached panel')
    const dash = within(matrix).getAllByText('–')[0]!
    expect(dash.getAttribute('aria-hidden')).toBe('true')
  })

  it('splits by channel: the region per channel, then each channel’s councils', () => {
    const split: RegionalFunnel = {
      ...report,
      by: 'channel',
      splits: [
        {
          key: 'website',
          councils: [councilFunnel('halton', 'Halton Borough Council', [12, 9, 'fewer than 5', 0, 0, 0, 0], 0)],
          total: councilFunnel('total', 'Liverpool City Region', [40, 30, 'withheld', 'fewer than 5', 0, 0, 0], 0),
        },
        {
          key: 'radio_tv',
          councils: [councilFunnel('halton', 'Halton Borough Council', ['fewer than 5', 'fewer than 5', 0, 0, 0, 0, 0], 0)],
          total: councilFunnel('total', 'Liverpool City Region', ['withheld', 'fewer than 5', 0, 0, 0, 0, 0], 0),
        },
      ],
    }
    render(<RegionalFunnelFigures report={split} />)
    const groups = screen.getByRole('table', { name: 'Enquiries received in the period across Liverpool City Region, split by channel' })
    expect(rowCells(groups, 'Website')).toEqual(['40', 'withheld', 'fewer than 5', '0', 'not shown'])
    expect(rowCells(groups, 'Radio or TV')).toEqual(['withheld', '0', '0', '0', 'not shown'])
    const website = screen.getByRole('table', { name: 'Website: how far enquiries got, by council' })
    expect(rowCells(website, 'Halton Borough Council')).toEqual(['12', '9', 'fewer than 5', '0', '0', '0', '0', '0'])
    expect(rowCells(website, 'Liverpool City Region (all councils)')[0]).toBe('40')
    expect(screen.getByRole('table', { name: 'Radio or TV: how far enquiries got, by council' })).toBeTruthy()
  })

  it('says so when a split finds nothing to split', () => {
    render(<RegionalFunnelFigures report={{ ...report, by: 'referral', splits: [] }} />)
    expect(screen.getByText('No enquiries to split in this period.')).toBeTruthy()
  })
})

describe('regional time in stage and sources', () => {
  it('says "not shown" for a median or share the region hides, and "None" where there were no moves', () => {
    const stage = (name: string, next: string, moves: Count, over: Count | null, share: number | null, median: number | null) => ({
      stage: name,
      next_stage: next,
      moves,
      unit: 'working_days' as const,
      median_days: median,
      p90_days: median,
      target: null,
      over_target: over,
      share_over_target: share,
    })
    const row = (slug: string, name: string): RegionalTimeInStage['total'] => ({
      council: slug,
      name,
      stages: [
        stage('enquiry', 'initial_contact', 'fewer than 5', 'fewer than 5', null, null),
        stage('initial_contact', 'initial_visit', 'withheld', 6, null, 4.5),
        stage('initial_visit', 'application', 0, 0, null, null),
        stage('application', 'assessment', 12, null, null, 30),
      ],
      overdue: { count: 'withheld', by_stage: [] },
    })
    const report: RegionalTimeInStage = {
      region: 'liverpool-city-region',
      period: { from: '2025-11-24', to: '2026-11-23' },
      as_of: '2026-11-23T12:00:00Z',
      councils: [row('halton', 'Halton Borough Council')],
      total: row('total', 'Liverpool City Region'),
    }
    render(<RegionalTimeInStageFigures report={report} />)
    const table = screen.getByRole('table', { name: /^Share of moves on to the next stage/ })
    expect(rowCells(table, 'Enquiry to initial contact')).toEqual(['fewer than 5', 'not shown', 'not shown', 'fewer than 5', 'not shown'])
    expect(rowCells(table, 'Initial contact to initial visit')).toEqual(['withheld', '4.5 working days', '4.5 working days', '6', 'not shown'])
    expect(rowCells(table, 'Initial visit to application')).toEqual(['0', 'None', 'None', '0', 'No moves'])
    expect(rowCells(table, 'Application to assessment')).toEqual(['12', '30 working days', '30 working days', 'No target', 'No target'])
    const byCouncil = screen.getByRole('table', { name: 'Share over target, by council' })
    expect(rowCells(byCouncil, 'Halton Borough Council')).toEqual(['not shown', 'not shown', 'No moves', 'No target', 'withheld'])
  })

  it('says "not shown" for a channel’s share over a hidden count, and "None" over no enquiries', () => {
    const channel = (name: string, enquiries: Count, share: number | null) => ({
      channel: name,
      enquiries,
      reached_initial_visit: 0,
      share_initial_visit: share,
      reached_application: 0,
      share_application: share,
      approvals: 0,
      no_response: 0,
      no_response_rate: share,
    })
    const row = (slug: string, name: string): RegionalSources['total'] => ({
      council: slug,
      name,
      channels: [channel('website', 'withheld', null), channel('print', 0, null), channel('event', 10, 0)],
    })
    const report: RegionalSources = {
      region: 'liverpool-city-region',
      period: { from: '2025-11-24', to: '2026-11-23' },
      councils: [row('halton', 'Halton Borough Council')],
      total: row('total', 'Liverpool City Region'),
    }
    render(<RegionalSourcesFigures report={report} />)
    const table = screen.getByRole('table', { name: /^Enquiries received in the period across Liverpool City Region, by channel/ })
    expect(rowCells(table, 'Website')).toEqual(['withheld', 'not shown', 'not shown', '0', 'not shown'])
    expect(rowCells(table, 'Print')).toEqual(['0', 'None', 'None', '0', 'None'])
    expect(rowCells(table, 'Event')).toEqual(['10', '0%', '0%', '0', '0%'])
  })
})
