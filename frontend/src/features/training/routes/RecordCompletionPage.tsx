import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Radios } from '../../../components/govuk/Radios'
import { Select } from '../../../components/govuk/Select'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useHousehold } from '../api/get-household'
import { useCourses } from '../api/list-courses'
import { useRecordCompletion } from '../api/record-completion'
import type { CarerTrainingState } from './CarerTrainingPage'

type Field = 'course' | 'person' | 'completed-on' | 'note'
const FIELDS: readonly Field[] = ['course', 'person', 'completed-on', 'note']
const HOUSEHOLD = '__household'

/** Records a course a carer household completed, for one adult or the whole household. */
export function RecordCompletionPage({ notFound }: { notFound: ReactNode }) {
  const { householdId = '' } = useParams()
  const household = useHousehold(householdId)
  const courses = useCourses()
  const record = useRecordCompletion()
  const navigate = useNavigate()
  const [courseId, setCourseId] = useState('')
  const [person, setPerson] = useState('')
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' })
  const [note, setNote] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle('Record a completed course', { error: hasErrors })

  if (isApiError(household.error, 404)) return <>{notFound}</>
  const adults = household.data?.adults.map((a) => `${a.first_name} ${a.last_name}`) ?? []
  const activeCourses = (courses.data?.items ?? []).filter((c) => c.is_active)

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const found: FormErrors<Field> = {}
    if (!courseId) found.course = 'Select the course'
    if (adults.length > 1 && !person) found.person = 'Select who completed it'
    const day = toIsoDate(date)
    if (!date.day && !date.month && !date.year) found['completed-on'] = 'Enter the date they completed it'
    else if (!day) found['completed-on'] = 'The date must be a real date'
    else if (day > new Date().toISOString().slice(0, 10)) found['completed-on'] = 'The date must be today or in the past'
    setErrors(found)
    if (Object.keys(found).length || !day) return
    const who = adults.length === 1 ? adults[0] : person === HOUSEHOLD ? null : person
    record.mutate(
      {
        course_id: courseId,
        household_id: householdId,
        completed_on: day,
        ...(who ? { person_name: who } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (completion) => {
          const state: CarerTrainingState = { recorded: completion.course_name }
          navigate('..', { relative: 'path', state })
        },
        onError: (error) =>
          setErrors(errorsFromApi(error, { course_id: 'course', person_name: 'person', completed_on: 'completed-on', note: 'note' })),
      },
    )
  }

  return (
    <>
      <BackLink to={`/staff/training/carers/${householdId}`}>Back to the training record</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <span className="govuk-caption-l">{household.data?.name}</span>
          <h1 className="govuk-heading-xl">Record a completed course</h1>
          <form onSubmit={submit} noValidate>
            <Select
              id="course"
              label="Course"
              error={errors.course}
              value={courseId}
              onChange={setCourseId}
              options={[{ value: '', text: courses.isPending ? 'Loading courses…' : 'Choose a course' }, ...activeCourses.map((c) => ({ value: c.id, text: c.name }))]}
            />
            {adults.length > 1 && (
              <Radios
                id="person"
                legend="Who completed it?"
                legendSize="s"
                error={errors.person}
                value={person}
                onChange={setPerson}
                choices={[...adults.map((a) => ({ value: a, label: a })), { value: HOUSEHOLD, label: 'Everyone in the household' }]}
              />
            )}
            <DateInput
              id="completed-on"
              legend="When did they complete it?"
              legendSize="s"
              hint="For example, 14 11 2026"
              error={errors['completed-on']}
              value={date}
              onChange={setDate}
            />
            <Textarea id="note" label="Note (optional)" error={errors.note} value={note} onChange={setNote} rows={3} />
            <ButtonGroup>
              <Button disabled={record.isPending}>Record course</Button>
              <Link className="govuk-link" to={`/staff/training/carers/${householdId}`}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
