import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { RegionalFunnel } from '../api/report-types'
import { RegionalFunnelFigures } from './RegionalReports'

const stages = ['enquiry', 'initial_contact', 'initial_visit', 'application', 'assessment', 'panel', 'approved']

function council(slug: string, name: string, reached: (number | 'fewer than 5')[]): RegionalFunnel['total'] {
  return {
    council: slug,
    name,
    cohort: {
      enquiries: reached[0]!,
      stages: stages.map((stage, i) => ({
        stage,
        reached: reached[i] ?? 0,
        conversion_from_previous:
          i === 0 || typeof reached[i] !== 'number' || typeof reached[i - 1] !== 'number' || reached[i - 1] === 0
            ? null
            : (reached[i] as number) / (reached[i - 1] as number),
      })),
      open: 'fewer than 5',
      closed: [],
    },
    activity: { entered: [] },
  }
}

const report: RegionalFunnel = {
  region: 'liverpool-city-region',
  period: { from: '2025-11-24', to: '2026-11-23' },
  stages,
  councils: [council('halton', 'Halton Borough Council', [19, 16, 8, 'fewer than 5', 'fewer than 5', 0, 0])],
  total: council('total', 'Liverpool City Region', [94, 71, 33, 5, 'fewer than 5', 0, 0]),
}

describe('a regional funnel', () => {
  it('shows small counts as "fewer than 5" and their shares as withheld, never as numbers', () => {
    render(<RegionalFunnelFigures report={report} />)
    const total = screen.getByRole('table', { name: /Enquiries received in the period across Liverpool City Region/ })
    const assessment = within(total).getByRole('rowheader', { name: 'Assessment' }).closest('tr')!
    expect(within(assessment).getAllByRole('cell').map((c) => c.textContent)).toEqual(['fewer than 5', 'withheld'])
    const application = within(total).getByRole('rowheader', { name: 'Application' }).closest('tr')!
    expect(within(application).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '15.2%'])
    // Zero is a real zero: panel reached by none, after a suppressed stage, so its share is withheld too.
    const panel = within(total).getByRole('rowheader', { name: 'Panel' }).closest('tr')!
    expect(within(panel).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', 'withheld'])

    const byCouncil = screen.getByRole('table', { name: 'How far enquiries got, by council' })
    const halton = within(byCouncil).getByRole('rowheader', { name: 'Halton Borough Council' }).closest('tr')!
    expect(within(halton).getAllByRole('cell').map((c) => c.textContent)).toEqual(['19', '16', '8', 'fewer than 5', 'fewer than 5', '0', '0', 'fewer than 5'])
  })

  it('charts a suppressed count as a labelled gap, and a zero as a bar of nothing', () => {
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
    expect(screen.getByText(/A dashed box is a figure that is not shown/)).toBeTruthy()
  })
})
