import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { PeriodChoice } from './components/PeriodForm'
import { COUNCIL_SPLITS, isSplitBy, type SplitBy } from './labels'
import { ofstedYearFrom, periodFrom, todayIso } from './period'

/**
 * The dashboard's choices live in the address (`from`, `to`, `by`, `year`), so a view can be
 * bookmarked or shared; anything missing or wrong falls back to the defaults. `splits` are the
 * `by`s this dashboard takes (a region's funnel takes fewer than a council's).
 */
export function useReportParams(splits: readonly SplitBy[] = COUNCIL_SPLITS) {
  const [params, setParams] = useSearchParams()
  const today = useMemo(() => todayIso(), [])
  const period = periodFrom(params, today)
  const by = params.get('by')
  const choice: PeriodChoice = { period, by: isSplitBy(by, splits) ? by : '' }
  const year = ofstedYearFrom(params, today)

  const setChoice = (next: PeriodChoice) => {
    const updated = new URLSearchParams(params)
    updated.set('from', next.period.from)
    updated.set('to', next.period.to)
    if (next.by) updated.set('by', next.by)
    else updated.delete('by')
    setParams(updated)
  }
  const setYear = (next: number) => {
    const updated = new URLSearchParams(params)
    updated.set('year', String(next))
    setParams(updated, { preventScrollReset: true })
  }
  return { today, choice, year, setChoice, setYear }
}
