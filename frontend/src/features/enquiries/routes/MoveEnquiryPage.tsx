import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Fieldset } from '../../../components/govuk/Fieldset'
import { Input } from '../../../components/govuk/Input'
import { Radios } from '../../../components/govuk/Radios'
import { Select } from '../../../components/govuk/Select'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink } from '../../../components/govuk/Typography'
import { FOSTERING_TYPES, type FosteringType } from '../../../lib/format'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { CLOSING_STAGES, isStage, stageName, type Stage } from '../../../lib/vocabulary'
import { useEnquiry } from '../api/get-enquiry'
import { usePipeline } from '../api/get-pipeline'
import { useMoveEnquiry } from '../api/move-enquiry'
import type { EnquiryPageState } from './EnquiryPage'

type Field = 'to' | 'reason' | 'approved-on' | 'fostering-types' | 'age-min' | 'age-max' | 'places' | 'note'
const FIELDS: readonly Field[] = ['to', 'reason', 'approved-on', 'fostering-types', 'age-min', 'age-max', 'places', 'note']
const ALL_TYPES = (Object.keys(FOSTERING_TYPES) as FosteringType[]).filter((t) => t !== 'unsure')

const CLOSING_HINTS: Partial<Record<Stage, string>> = {
  withdrawn: 'The person chose to stop (Ofsted’s reason codes)',
  not_progressed: 'The service decided not to go on',
  no_response: 'They stopped answering after the council’s contact attempts',
  transferred: 'To another council',
}

/** Each closing outcome's reason picker has its own id, so only the visible one is linked. */
function reasonId(stage: Stage): string {
  return `reason-${stage.replace(/_/g, '-')}`
}

function whole(value: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(value.trim())) return null
  const n = Number(value)
  return n >= min && n <= max ? n : null
}

/**
 * Moves the enquiry on, or closes it: only the moves the API allows from its stage; a reason
 * for closing outcomes (reason codes from the pipeline); the terms of approval when approving.
 */
export function MoveEnquiryPage({ notFound }: { notFound: ReactNode }) {
  const { enquiryId = '' } = useParams()
  const [params] = useSearchParams()
  const enquiry = useEnquiry(enquiryId)
  const pipeline = usePipeline()
  const move = useMoveEnquiry(enquiryId)
  const navigate = useNavigate()
  const preset = params.get('to')
  const [to, setTo] = useState<Stage | ''>(isStage(preset) ? preset : '')
  const [reasons, setReasons] = useState<Partial<Record<Stage, string>>>({})
  const [note, setNote] = useState('')
  const [approvedOn, setApprovedOn] = useState<DateParts>({ day: '', month: '', year: '' })
  const [types, setTypes] = useState<FosteringType[] | null>(null)
  const [ageMin, setAgeMin] = useState('0')
  const [ageMax, setAgeMax] = useState('17')
  const [places, setPlaces] = useState('1')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  const data = enquiry.data?.enquiry
  usePageTitle(data ? `Move or close ${data.reference}` : 'Move or close', { error: hasErrors })

  if (isApiError(enquiry.error, 404)) return <>{notFound}</>
  if (!data || !pipeline.data) {
    return (
      <p className="govuk-body" role="status">
        {enquiry.isError || pipeline.isError ? 'Sorry, this enquiry cannot be shown right now. Try again later.' : 'Loading…'}
      </p>
    )
  }
  const reasonCodes = pipeline.data.reasons
  const allowed = data.allowed_moves.filter(isStage)
  const chosenTypes = types ?? data.interests.filter((t): t is FosteringType => (ALL_TYPES as string[]).includes(t))
  const errorIds: Record<Field, string> = {
    to: 'to',
    reason: to ? reasonId(to as Stage) : 'to',
    'approved-on': 'approved-on',
    'fostering-types': 'fostering-types',
    'age-min': 'age-min',
    'age-max': 'age-max',
    places: 'places',
    note: 'note',
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!to) found.to = 'Select where this enquiry goes next'
    const needsReason = to && reasonCodes[to]?.length
    const reason = to ? reasons[to] : undefined
    if (needsReason && !reason) found.reason = `Select a reason for ${stageName(to).toLowerCase()}`
    let approval: Schemas['ApprovalTerms'] | null = null
    if (to === 'approved') {
      const onBlank = !approvedOn.day.trim() && !approvedOn.month.trim() && !approvedOn.year.trim()
      const on = onBlank ? null : toIsoDate(approvedOn)
      if (!onBlank && !on) found['approved-on'] = 'Date of approval must be a real date'
      const min = whole(ageMin, 0, 17)
      const max = whole(ageMax, 0, 25)
      const placesCount = whole(places, 1, 10)
      if (!chosenTypes.length) found['fostering-types'] = 'Select the kinds of fostering they are approved for'
      if (min === null) found['age-min'] = 'Youngest age must be a number from 0 to 17'
      if (max === null) found['age-max'] = 'Oldest age must be a number from 0 to 25'
      else if (min !== null && max < min) found['age-max'] = 'Oldest age must be the same as or more than the youngest'
      if (placesCount === null) found.places = 'Places must be a number from 1 to 10'
      approval = { approved_on: on, fostering_types: chosenTypes, age_min: min ?? 0, age_max: max ?? 17, places: placesCount ?? 1 }
    }
    setErrors(found)
    if (Object.keys(found).length || !to) return
    move.mutate(
      { to, reason: needsReason ? (reason ?? null) : null, note: note.trim() || null, approval },
      {
        onSuccess: () => {
          const state: EnquiryPageState = { notice: 'moved' }
          navigate(`/staff/enquiries/${data.id}`, { state })
        },
        onError: (error) =>
          setErrors(
            isApiError(error, 409)
              ? { form: `${error.problem?.detail ?? 'That move is no longer allowed.'} The page now shows the moves allowed from the enquiry’s current stage.` }
              : errorsFromApi(error, {
                  to: 'to',
                  reason: 'reason',
                  note: 'note',
                  'approval.approved_on': 'approved-on',
                  'approval.fostering_types': 'fostering-types',
                  'approval.age_min': 'age-min',
                  'approval.age_max': 'age-max',
                  'approval.places': 'places',
                  approval: 'fostering-types',
                }),
          ),
      },
    )
  }

  const approvalTerms = (
    <Fieldset legend="Terms of approval" legendSize="s">
      <DateInput id="approved-on" legend="Date of approval" legendSize="s" hint="Leave empty for today" error={errors['approved-on']} value={approvedOn} onChange={setApprovedOn} />
      <Checkboxes<FosteringType>
        id="fostering-types"
        legend="Approved for"
        legendSize="s"
        small
        error={errors['fostering-types']}
        choices={ALL_TYPES.map((t) => ({ value: t, label: FOSTERING_TYPES[t].name }))}
        values={chosenTypes}
        onChange={setTypes}
      />
      <Input id="age-min" label="Youngest age of child" inputMode="numeric" width="2" error={errors['age-min']} value={ageMin} onChange={setAgeMin} />
      <Input id="age-max" label="Oldest age of child" inputMode="numeric" width="2" error={errors['age-max']} value={ageMax} onChange={setAgeMax} />
      <Input id="places" label="Number of places" inputMode="numeric" width="2" error={errors.places} value={places} onChange={setPlaces} />
    </Fieldset>
  )

  return (
    <>
      <BackLink to={`/staff/enquiries/${data.id}`}>Back to the enquiry</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && (
            <ErrorSummary
              key={attempt}
              errors={summaryOf(errors, FIELDS).map((e) => (e.href ? { ...e, href: errorIds[e.href as Field] } : e))}
            />
          )}
          <span className="govuk-caption-l">
            {data.reference}, {data.first_name} {data.last_name}
          </span>
          {allowed.length === 0 ? (
            <>
              <h1 className="govuk-heading-xl">No moves are possible</h1>
              <p className="govuk-body">This enquiry is {stageName(data.stage).toLowerCase()} and cannot move from there.</p>
              <Link className="govuk-link" to={`/staff/enquiries/${data.id}`}>
                Back to the enquiry
              </Link>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <Radios<Stage>
                id="to"
                legend={`Where does this enquiry go from ${stageName(data.stage).toLowerCase()}?`}
                legendSize="l"
                isPageHeading
                error={errors.to}
                value={to}
                onChange={setTo}
                choices={allowed.map((stage) => {
                  const codes = reasonCodes[stage] ?? []
                  return {
                    value: stage,
                    label: (CLOSING_STAGES as string[]).includes(stage) ? `Close: ${stageName(stage).toLowerCase()}` : `Move to ${stageName(stage).toLowerCase()}`,
                    hint: CLOSING_HINTS[stage],
                    conditional:
                      stage === 'approved' ? (
                        approvalTerms
                      ) : codes.length ? (
                        <Select
                          id={reasonId(stage)}
                          label={`Reason for closing as ${stageName(stage).toLowerCase()}`}
                          error={to === stage ? errors.reason : undefined}
                          value={reasons[stage] ?? ''}
                          onChange={(value) => setReasons((current) => ({ ...current, [stage]: value }))}
                          options={[{ value: '', text: 'Select a reason' }, ...codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.text}` }))]}
                        />
                      ) : undefined,
                  }
                })}
              />
              <Textarea id="note" label="Note (optional)" hint="Why, and anything the next person should know" rows={3} error={errors.note} value={note} onChange={setNote} />
              <ButtonGroup>
                <Button preventDoubleClick disabled={move.isPending}>
                  Save
                </Button>
                <Link className="govuk-link" to={`/staff/enquiries/${data.id}`}>
                  Cancel
                </Link>
              </ButtonGroup>
            </form>
          )}
        </div>
      </div>
    </>
  )
}
