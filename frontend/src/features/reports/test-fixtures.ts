/** Report answers for the tests, built the way the API builds them (rates null over nothing or a hidden count). */
import type { Conversion, RegionalFunnel } from './api/report-types'
import type { Count } from './figures'

export const STAGES = ['enquiry', 'initial_contact', 'initial_visit', 'application', 'assessment', 'panel', 'approved']

function rate(part: Count | undefined, whole: Count | undefined): number | null {
  return typeof part === 'number' && typeof whole === 'number' && whole > 0 ? part / whole : null
}

/** Every pair of stages, from an earlier to a later one, in pipeline order. */
export function conversions(reached: readonly Count[]): Conversion[] {
  return STAGES.flatMap((from, i) =>
    STAGES.slice(i + 1).map((to, j) => ({ from_stage: from, to_stage: to, rate: rate(reached[i + 1 + j], reached[i]) })),
  )
}

/** One council's (or the region's) funnel from how many reached each stage. */
export function councilFunnel(slug: string, name: string, reached: readonly Count[], open: Count = 'fewer than 5'): RegionalFunnel['total'] {
  return {
    council: slug,
    name,
    cohort: {
      enquiries: reached[0]!,
      stages: STAGES.map((stage, i) => ({
        stage,
        reached: reached[i] ?? 0,
        conversion_from_previous: i === 0 ? null : rate(reached[i], reached[i - 1]),
      })),
      conversions: conversions(reached),
      open,
      closed: [],
    },
    activity: { entered: [] },
  }
}

/** The demo region's funnel: Halton with small counts, Knowsley with withheld ones. */
export function regionalFunnel(overrides: Partial<RegionalFunnel> = {}): RegionalFunnel {
  return {
    region: 'liverpool-city-region',
    period: { from: '2025-11-24', to: '2026-11-23' },
    by: null,
    stages: STAGES,
    councils: [
      councilFunnel('halton', 'Halton Borough Council', [19, 16, 8, 'fewer than 5', 'fewer than 5', 0, 0]),
      councilFunnel('knowsley', 'Knowsley Council', ['withheld', 11, 'withheld', 'fewer than 5', 0, 0, 0], 'withheld'),
    ],
    total: councilFunnel('total', 'Liverpool City Region', [94, 71, 33, 5, 'fewer than 5', 0, 0]),
    splits: [],
    ...overrides,
  }
}
