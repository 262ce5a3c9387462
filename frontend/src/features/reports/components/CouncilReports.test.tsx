import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { FunnelReport, SourcesReport } from '../api/report-types'
import { FunnelFigures, SourcesFigures } from './CouncilReports'

const stages = ['enquiry', 'initial_contact', 'initial_visit', 'application', 'assessment', 'panel', 'approved']

const rowCells = (table: HTMLElement, header: string) =>
  within(within(table).getByRole('rowheader', { name: header }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent)

function funnel(reached: number[]): FunnelReport {
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)
  return {
    council: 'liverpool',
    period: { from: '2026-01-01', to: '2026-06-30' },
    by: null,
    stages,
    cohort: {
      enquiries: reached[0]!,
      stages: stages.map((stage, i) => ({ stage, reached: reached[i]!, conversion_from_previous: i === 0 ? null : rate(reached[i]!, reached[i - 1]!) })),
      conversions: stages.flatMap((from, i) =>
        stages.slice(i + 1).map((to, j) => ({ from_stage: from, to_stage: to, rate: rate(reached[i + 1 + j]!, reached[i]!) })),
      ),
      open: 3,
      closed: [],
    },
    activity: { entered: [] },
    splits: [],
  }
}

describe('a council’s funnel', () => {
  it('has a table of the conversion between every pair of stages, a row for each stage and a column for each later one', () => {
    render(<FunnelFigures report={funnel([40, 30, 12, 6, 0, 0, 0])} />)
    const matrix = screen.getByRole('table', { name: /^Conversion between every pair of stages/ })
    expect(within(matrix).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'From',
      'To initial contact',
      'To initial visit',
      'To application',
      'To assessment',
      'To panel',
      'To approved',
    ])
    expect(rowCells(matrix, 'Enquiry')).toEqual(['75%', '30%', '15%', '0%', '0%', '0%'])
    expect(rowCells(matrix, 'Initial visit')).toEqual(['–Not a later stage', '–Not a later stage', '50%', '0%', '0%', '0%'])
    // None reached assessment: nothing to divide by, a dash that says so to a screen reader.
    expect(rowCells(matrix, 'Assessment').slice(4)).toEqual(['–None reached assessment', '–None reached assessment'])
    for (const dash of within(matrix).getAllByText('–')) expect(dash.getAttribute('aria-hidden')).toBe('true')
    // The wide matrix scrolls on its own, by keyboard too.
    const region = screen.getByRole('region', { name: /^Conversion between every pair of stages/ })
    expect(region.getAttribute('tabindex')).toBe('0')
  })
})

const figures = { reached_initial_visit: 0, share_initial_visit: 0, reached_application: 0, share_application: 0, no_response: 0, no_response_rate: 0 }

const sources: SourcesReport = {
  council: 'liverpool',
  period: { from: '2026-01-01', to: '2026-06-30' },
  channels: [
    {
      ...figures,
      channel: 'social_media',
      enquiries: 10,
      approvals: 0,
      cost_pence: 120000,
      costed_enquiries: 6,
      costed_approvals: 0,
      cost_per_enquiry_pence: 20000,
      cost_per_approval_pence: null,
    },
    {
      ...figures,
      channel: 'print',
      enquiries: 8,
      approvals: 1,
      cost_pence: 30000,
      costed_enquiries: 9,
      costed_approvals: 1,
      cost_per_enquiry_pence: 3333,
      cost_per_approval_pence: 30000,
    },
    {
      ...figures,
      channel: 'website',
      enquiries: 16,
      approvals: 2,
      cost_pence: null,
      costed_enquiries: 0,
      costed_approvals: 0,
      cost_per_enquiry_pence: null,
      cost_per_approval_pence: null,
    },
  ],
  campaigns: [
    {
      ...figures,
      campaign_id: 'c1',
      code: 'LI29072',
      name: 'Autumn social media campaign',
      kind: 'campaign',
      channel: 'social_media',
      enquiries: 4,
      approvals: 0,
      cost_pence: 120000,
      lifetime_enquiries: 6,
      lifetime_approvals: 0,
      cost_per_enquiry_pence: 20000,
      cost_per_approval_pence: null,
    },
    {
      ...figures,
      campaign_id: 'c2',
      code: 'LI46786',
      name: 'Councillor ambassadors',
      kind: 'ambassador',
      channel: 'word_of_mouth',
      enquiries: 3,
      approvals: 0,
      cost_pence: null,
      lifetime_enquiries: 3,
      lifetime_approvals: 0,
      cost_per_enquiry_pence: null,
      cost_per_approval_pence: null,
    },
  ],
}

describe('a council’s sources', () => {
  it('shows each campaign’s cost over everything it ever brought, in pounds', () => {
    render(<SourcesFigures report={sources} />)
    const campaigns = screen.getByRole('table', { name: 'Campaign codes' })
    expect(within(campaigns).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Code',
      'Name',
      'Channel',
      'Enquiries in the period',
      'Reached initial visit',
      'Approvals in the period',
      'Whole cost',
      'Enquiries ever',
      'Approvals ever',
      'Cost per enquiry',
      'Cost per approval',
    ])
    expect(rowCells(campaigns, 'LI29072')).toEqual(['Autumn social media campaign', 'Social media', '4', '0%', '0', '£1,200', '6', '0', '£200', 'No approvals'])
    expect(rowCells(campaigns, 'LI46786').slice(5)).toEqual(['Not known', '3', '0', 'Cost not known', 'Cost not known'])
  })

  it('shows each channel’s costed campaigns’ cost over everything those brought, and leaves out channels with no cost', () => {
    render(<SourcesFigures report={sources} />)
    const channels = screen.getByRole('table', { name: 'Cost by channel, over everything its costed campaigns brought' })
    expect(within(channels).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['Social media', 'Print'])
    expect(rowCells(channels, 'Social media')).toEqual(['£1,200', '6', '0', '£200', 'No approvals'])
    expect(rowCells(channels, 'Print')).toEqual(['£300', '9', '1', '£33.33', '£300'])
    expect(screen.getByText(/divided by every enquiry the code has ever brought/)).toBeTruthy()
    expect(screen.getByText(/A channel’s cost is the total of its campaigns whose cost is known/)).toBeTruthy()
  })

  it('says so when no campaign has a cost', () => {
    render(<SourcesFigures report={{ ...sources, channels: sources.channels.map((c) => ({ ...c, cost_pence: null })) }} />)
    expect(screen.getByText('No campaign on any channel has a recorded cost.')).toBeTruthy()
  })
})
