import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/govuk/Button'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary, type SummaryError } from '../../../components/govuk/ErrorSummary'
import { Select } from '../../../components/govuk/Select'
import { SPLITS, type SplitBy } from '../labels'
import { dateParts, type Period } from '../period'

export interface PeriodChoice {
  period: Period
  by: SplitBy | ''
}

type Errors = Partial<Record<'from' | 'to', string>>

/** What is wrong with the dates typed, in GOV.UK's words; empty when they make a period. */
export function checkPeriod(from: DateParts, to: DateParts, today: string): { errors: Errors; period: Period | null } {
  const errors: Errors = {}
  const first = toIsoDate(from)
  const last = toIsoDate(to)
  const blank = (parts: DateParts) => !parts.day.trim() && !parts.month.trim() && !parts.year.trim()
  if (blank(from)) errors.from = 'Enter the date the reports start from'
  else if (!first) errors.from = 'The start date must be a real date'
  if (blank(to)) errors.to = 'Enter the date the reports run to'
  else if (!last) errors.to = 'The end date must be a real date'
  else if (last > today) errors.to = 'The end date must be today or in the past'
  if (first && last && !errors.to && first > last) errors.to = 'The end date must be the same as or after the start date'
  return { errors, period: first && last && !errors.from && !errors.to ? { from: first, to: last } : null }
}

/**
 * The dashboard's controls: the period (two GOV.UK date inputs) and what to split the funnel
 * by, from `splits` (a council's every source, a region's channel or referral). Nothing changes
 * until the form is sent.
 */
export function PeriodForm({
  value,
  today,
  splits,
  onChange,
  onErrors,
}: {
  value: PeriodChoice
  today: string
  splits: readonly SplitBy[]
  onChange: (choice: PeriodChoice) => void
  onErrors: (hasErrors: boolean) => void
}) {
  const [from, setFrom] = useState<DateParts>(dateParts(value.period.from))
  const [to, setTo] = useState<DateParts>(dateParts(value.period.to))
  const [by, setBy] = useState<SplitBy | ''>(value.by)
  const [errors, setErrors] = useState<Errors>({})
  const [attempt, setAttempt] = useState(0)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkPeriod(from, to, today)
    setErrors(checked.errors)
    setAttempt((n) => n + 1)
    onErrors(!checked.period)
    if (checked.period) onChange({ period: checked.period, by })
  }

  const summary: SummaryError[] = [
    ...(errors.from ? [{ href: 'from', text: errors.from }] : []),
    ...(errors.to ? [{ href: 'to', text: errors.to }] : []),
  ]
  return (
    <form onSubmit={submit} noValidate aria-label="Report period" className="fh-report-filters">
      {summary.length > 0 && <ErrorSummary key={attempt} errors={summary} />}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <DateInput
            id="from"
            legend="From"
            legendSize="s"
            hint="For example, 24 11 2025"
            value={from}
            onChange={setFrom}
            error={errors.from}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <DateInput id="to" legend="To" legendSize="s" hint="For example, 23 11 2026" value={to} onChange={setTo} error={errors.to} />
        </div>
      </div>
      {splits.length > 0 && (
        <Select<SplitBy>
          id="by"
          label="Split the funnel by"
          value={by}
          onChange={setBy}
          options={[{ value: '', text: 'Do not split' }, ...splits.map((key) => ({ value: key, text: SPLITS[key] }))]}
        />
      )}
      <Button variant="secondary">Update reports</Button>
    </form>
  )
}
