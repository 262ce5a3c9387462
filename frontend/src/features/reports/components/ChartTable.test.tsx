import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { FunnelReport } from '../api/report-types'
import { countPoint } from '../figures'
import { ChartTable } from './ChartTable'
import { FunnelFigures } from './CouncilReports'

const rows = [
  { key: 'a', label: 'First', count: 12 },
  { key: 'b', label: 'Second', count: 'fewer than 5' as const },
]

describe('a chart with its table', () => {
  it('charts each row and lists the same rows in a table captioned like the chart', () => {
    render(
      <ChartTable
        caption="Things by kind"
        rows={rows}
        rowKey={(r) => r.key}
        bar={(r) => ({ label: r.label, point: countPoint(r.count) })}
        columns={[
          { header: 'Kind', cell: (r) => r.label },
          { header: 'Count', numeric: true, cell: (r) => String(r.count) },
        ]}
      />,
    )
    const figure = screen.getByRole('figure')
    expect(figure.querySelector('figcaption')?.textContent).toBe('Things by kind')
    const chart = within(figure).getByRole('img', { name: 'Bar chart: Things by kind. The same figures are in the table below.' })
    expect(chart.querySelectorAll('g.fh-chart__row')).toHaveLength(2)
    const table = within(figure).getByRole('table', { name: 'Things by kind' })
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['First', 'Second'])
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12', 'fewer than 5'])
  })

  it('can caption its table apart, and let a wide table scroll by keyboard', () => {
    render(
      <ChartTable
        caption="Shares by kind"
        tableCaption="Everything by kind"
        wide
        rows={rows}
        rowKey={(r) => r.key}
        bar={(r) => ({ label: r.label, point: countPoint(r.count) })}
        columns={[{ header: 'Kind', cell: (r) => r.label }]}
      />,
    )
    const region = screen.getByRole('region', { name: 'Everything by kind' })
    expect(region.getAttribute('tabindex')).toBe('0')
    expect(within(region).getByRole('table', { name: 'Everything by kind' })).toBeTruthy()
  })
})

const stages = ['enquiry', 'initial_contact', 'initial_visit', 'application', 'assessment', 'panel', 'approved']

function cohort(reached: number[]): FunnelReport['cohort'] {
  return {
    enquiries: reached[0]!,
    stages: stages.map((stage, i) => ({ stage, reached: reached[i] ?? 0, conversion_from_previous: null })),
    conversions: [],
    open: 0,
    closed: [],
  }
}

describe('a funnel split by event', () => {
  it('names each event by its title and day, and an event it may not name by its id', () => {
    const split = (key: string, label: string | null, starts_on: string | null, n: number) => ({
      key,
      label,
      starts_on,
      cohort: cohort([n, 1]),
      activity: { entered: [] },
    })
    const report: FunnelReport = {
      council: 'alpha',
      period: { from: '2026-04-01', to: '2026-04-30' },
      by: 'event',
      stages,
      cohort: cohort([4, 3]),
      activity: { entered: [] },
      splits: [split('e1', 'Fostering evening', '2026-03-26', 2), split('e2', null, null, 1), split('none', null, null, 1)],
    }
    render(<FunnelFigures report={report} />)
    const table = screen.getByRole('table', { name: 'Enquiries received in the period, split by event' })
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Fostering evening (26 March 2026)',
      'Unnamed event (e2)',
      'No event',
    ])
  })
})
