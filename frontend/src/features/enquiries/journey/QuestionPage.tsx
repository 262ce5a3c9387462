/** What every question page of the enquiry shares: back link, error summary, form, Continue. */
import { useState, type FormEvent, type ReactNode } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { BackLink } from '../../../components/govuk/Typography'
import { summaryOf } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useEnquiryCouncil } from '../api/get-council'
import { STEPS, type FieldId, type JourneyErrors, type Step } from './answers'
import { useEnquiryJourney } from './EnquiryJourney'

export const JOURNEY_BASE = '/enquire'

export function stepPath(step: Step | 'check' | 'sent' | '', change = false): string {
  const path = step ? `${JOURNEY_BASE}/${step}` : JOURNEY_BASE
  return change ? `${path}?change=1` : path
}

/**
 * A page's errors: its own checks, seeded with what the API said about its fields when the
 * enquiry was sent. `attempt` keys the error summary so it takes focus after every try.
 */
export function usePageErrors(fields: readonly FieldId[]) {
  const journey = useEnquiryJourney()
  const [errors, setErrorsState] = useState<JourneyErrors>(() => {
    const seeded: JourneyErrors = {}
    for (const field of fields) if (journey.errors[field]) seeded[field] = journey.errors[field]
    return seeded
  })
  const [attempt, setAttempt] = useState(() => (Object.keys(errors).length ? 1 : 0))
  const setErrors = (next: JourneyErrors) => {
    setErrorsState(next)
    if (Object.values(next).some(Boolean)) setAttempt((n) => n + 1)
  }
  return { errors, setErrors, attempt, hasErrors: Object.values(errors).some(Boolean) }
}

/** Where Continue goes: the next question, or back to "Check your answers" when changing one. */
export function useContinue(step: Step) {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const journey = useEnquiryJourney()
  const changing = params.has('change')
  return (fields: readonly FieldId[]) => {
    journey.answered(fields)
    const next = STEPS[STEPS.indexOf(step) + 1]
    navigate(changing || !next ? stepPath('check') : stepPath(next))
  }
}

interface QuestionPageProps {
  step: Step
  /** The page's title: its question. */
  title: string
  /** The question is the page's heading (a single-question page labels its field with it). */
  heading?: ReactNode
  fields: readonly FieldId[]
  errors: JourneyErrors
  attempt: number
  onSubmit: () => void
  submitting?: boolean
  children: ReactNode
}

export function QuestionPage({ step, title, heading, fields, errors, attempt, onSubmit, submitting, children }: QuestionPageProps) {
  const journey = useEnquiryJourney()
  const [params] = useSearchParams()
  const council = useEnquiryCouncil(journey.answers.council || undefined)
  const hasErrors = Object.values(errors).some(Boolean)
  usePageTitle(title, { error: hasErrors })
  if (!journey.started) return <Navigate to={JOURNEY_BASE} replace />

  const previous = STEPS[STEPS.indexOf(step) - 1]
  const back = params.has('change') ? stepPath('check') : previous ? stepPath(previous) : JOURNEY_BASE
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <>
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, fields)} />}
          <span className="govuk-caption-l">Ask about fostering{council.data ? ` with ${council.data.name}` : ''}</span>
          {heading !== undefined ? heading : <h1 className="govuk-heading-l">{title}</h1>}
          <form onSubmit={submit} noValidate>
            {children}
            <Button disabled={submitting}>
              Continue
            </Button>
          </form>
        </div>
      </div>
    </>
  )
}
