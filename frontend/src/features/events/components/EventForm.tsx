import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Fieldset } from '../../../components/govuk/Fieldset'
import { Input } from '../../../components/govuk/Input'
import { Radios } from '../../../components/govuk/Radios'
import { Select } from '../../../components/govuk/Select'
import { Textarea } from '../../../components/govuk/Textarea'
import { summaryOf, type FormErrors } from '../../../lib/forms'
import { formatPence, parsePounds } from '../../../lib/money'
import { useCouncilOptions } from '../api/list-councils'
import { useCourseOptions } from '../api/list-courses'
import { londonDateTime, londonWallClock, parseTime } from '../london-time'
import { AUDIENCE_NAMES, AUDIENCES, KIND_NAMES, KINDS, type Audience, type EventKind, type EventOut } from '../vocabulary'

export type EventField =
  | 'title'
  | 'kind'
  | 'course'
  | 'audience'
  | 'date'
  | 'start-time'
  | 'end-time'
  | 'venue-name'
  | 'venue-address'
  | 'venue-postcode'
  | 'online-url'
  | 'capacity'
  | 'partner'
  | 'cohosts'
  | 'cost'
  | 'description'
  | 'publish'
export const EVENT_FIELDS: readonly EventField[] = [
  'title',
  'kind',
  'course',
  'audience',
  'date',
  'start-time',
  'end-time',
  'venue-name',
  'venue-address',
  'venue-postcode',
  'online-url',
  'capacity',
  'partner',
  'cohosts',
  'cost',
  'description',
  'publish',
]
/** The API's field names (problem+json `errors[].field`) to this form's fields. */
export const EVENT_API_FIELDS: Partial<Record<string, EventField>> = {
  title: 'title',
  kind: 'kind',
  course_id: 'course',
  audience: 'audience',
  starts_at: 'date',
  ends_at: 'end-time',
  venue: 'venue-name',
  'venue.name': 'venue-name',
  'venue.address': 'venue-address',
  'venue.postcode': 'venue-postcode',
  online_url: 'online-url',
  capacity: 'capacity',
  partner_organisation: 'partner',
  cohosts: 'cohosts',
  cost_pence: 'cost',
  description: 'description',
}
const TIME_HINT = 'For example, 6pm, 6:30pm or 18:30'

/** What the form produces: every field, `null` where it is empty (the API clears it). */
export interface EventFormValues {
  title: string
  kind: EventKind
  audience: Audience
  /** Left out when editing and the date and times were not touched. */
  starts_at?: string
  ends_at?: string
  course_id: string | null
  description: string | null
  capacity: number | null
  venue: { name: string; address: string; postcode: string } | null
  online_url: string | null
  partner_organisation: string | null
  cohosts: string[]
  cost_pence: number | null
  status?: 'published' | 'draft'
}

function partsOf(isoDate: string): DateParts {
  const [year = '', month = '', day = ''] = isoDate.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

/**
 * The event form for creating (`initial` absent: asks whether to publish) and for editing
 * (`initial` given: the event's values, London times). `ownCouncil` is left out of the
 * co-host choices. Checks what it can, then hands the values to `onSubmit`.
 */
export function EventForm({
  initial,
  ownCouncil,
  submitLabel,
  pending,
  errors,
  setErrors,
  attempt,
  cancelTo,
  onSubmit,
}: {
  initial?: EventOut
  ownCouncil: string | undefined
  submitLabel: string
  pending: boolean
  errors: FormErrors<EventField>
  setErrors: (errors: FormErrors<EventField>) => void
  attempt: number
  cancelTo: string
  onSubmit: (values: EventFormValues) => void
}) {
  const editing = initial !== undefined
  const startClock = initial ? londonWallClock(initial.starts_at) : null
  const endClock = initial ? londonWallClock(initial.ends_at) : null
  const [title, setTitle] = useState(initial?.title ?? '')
  const [kind, setKind] = useState<EventKind | ''>(initial?.kind ?? '')
  const [courseId, setCourseId] = useState(initial?.course_id ?? '')
  const [audience, setAudience] = useState<Audience | ''>(initial?.audience ?? '')
  const [date, setDate] = useState<DateParts>(startClock ? partsOf(startClock.date) : { day: '', month: '', year: '' })
  const [startTime, setStartTime] = useState(startClock?.time ?? '')
  const [endTime, setEndTime] = useState(endClock?.time ?? '')
  const [venueName, setVenueName] = useState(initial?.venue?.name ?? '')
  const [venueAddress, setVenueAddress] = useState(initial?.venue?.address ?? '')
  const [venuePostcode, setVenuePostcode] = useState(initial?.venue?.postcode ?? '')
  const [onlineUrl, setOnlineUrl] = useState(initial?.staff?.online_url ?? '')
  const [capacity, setCapacity] = useState(initial?.capacity != null ? String(initial.capacity) : '')
  const [partner, setPartner] = useState(initial?.partner_organisation ?? '')
  const [cohosts, setCohosts] = useState<string[]>(initial?.cohosts.map((c) => c.slug) ?? [])
  const [cost, setCost] = useState(initial?.staff?.cost_pence != null ? formatPence(initial.staff.cost_pence).replace('£', '') : '')
  const [description, setDescription] = useState(initial?.description ?? '')
  const [publish, setPublish] = useState<'published' | 'draft' | ''>('')
  const courses = useCourseOptions(kind === 'training')
  const councils = useCouncilOptions()
  const initialDate = useState(date)[0]

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const found: FormErrors<EventField> = {}
    if (!title.trim()) found.title = 'Enter the event’s title'
    if (!kind) found.kind = 'Select what kind of event it is'
    if (kind === 'training' && !courseId) found.course = 'Select the course the session teaches'
    if (!audience) found.audience = 'Select who the event is for'
    else if (kind === 'training' && audience !== 'carers' && audience !== 'applicants')
      found.audience = 'A training session is for foster carers or applicants'
    const timesTouched =
      !editing ||
      startTime !== startClock?.time ||
      endTime !== endClock?.time ||
      date.day !== initialDate.day ||
      date.month !== initialDate.month ||
      date.year !== initialDate.year
    const day = toIsoDate(date)
    if (!date.day && !date.month && !date.year) found.date = 'Enter the date of the event'
    else if (!day) found.date = 'The date of the event must be a real date'
    const starts = parseTime(startTime)
    const ends = parseTime(endTime)
    if (!startTime.trim()) found['start-time'] = 'Enter the start time'
    else if (!starts) found['start-time'] = `Enter the start time like 6pm or 18:00`
    if (!endTime.trim()) found['end-time'] = 'Enter the end time'
    else if (!ends) found['end-time'] = `Enter the end time like 8pm or 20:00`
    else if (timesTouched && starts && ends.hour * 60 + ends.minute <= starts.hour * 60 + starts.minute)
      found['end-time'] = 'The end time must be after the start time'
    const startsAt = day && starts ? londonDateTime(day, starts) : null
    if (timesTouched && startsAt && new Date(startsAt).getTime() <= Date.now()) found.date = 'The event must start in the future'
    const anyVenue = Boolean(venueName.trim() || venueAddress.trim() || venuePostcode.trim())
    if (anyVenue) {
      if (!venueName.trim()) found['venue-name'] = 'Enter the venue’s name'
      if (!venueAddress.trim()) found['venue-address'] = 'Enter the venue’s address'
      if (!venuePostcode.trim()) found['venue-postcode'] = 'Enter the venue’s postcode'
    }
    if (onlineUrl.trim() && !/^https:\/\/\S+$/.test(onlineUrl.trim()))
      found['online-url'] = 'Enter the joining link, starting https://'
    else if (kind === 'webinar' && !onlineUrl.trim()) found['online-url'] = 'Enter the webinar’s joining link'
    else if (!anyVenue && !onlineUrl.trim()) found['venue-name'] = 'Enter a venue, a joining link for an online event, or both'
    if (capacity.trim() && !/^\d+$/.test(capacity.trim())) found.capacity = 'The number of places must be a whole number, like 30'
    else if (capacity.trim() && Number(capacity) < 1) found.capacity = 'The number of places must be 1 or more'
    const costPence = cost.trim() ? parsePounds(cost) : null
    if (cost.trim() && costPence === null) found.cost = 'Enter the cost in pounds, like 250 or 49.99'
    if (!editing && !publish) found.publish = 'Select whether to publish the event now'
    setErrors(found)
    if (Object.keys(found).length || !kind || !audience || !day || !starts || !ends || (!editing && !publish)) return

    onSubmit({
      title: title.trim(),
      kind,
      audience,
      ...(timesTouched ? { starts_at: londonDateTime(day, starts), ends_at: londonDateTime(day, ends) } : {}),
      course_id: kind === 'training' ? courseId : null,
      description: description.trim() || null,
      capacity: capacity.trim() ? Number(capacity) : null,
      venue: anyVenue ? { name: venueName.trim(), address: venueAddress.trim(), postcode: venuePostcode.trim() } : null,
      online_url: onlineUrl.trim() || null,
      partner_organisation: partner.trim() || null,
      cohosts,
      cost_pence: costPence,
      ...(!editing && publish ? { status: publish } : {}),
    })
  }

  const courseOptions = courses.data?.items ?? []
  const councilChoices = (councils.data ?? []).filter((c) => c.slug !== ownCouncil)
  return (
    <>
      {Object.values(errors).some(Boolean) && <ErrorSummary key={attempt} errors={summaryOf(errors, EVENT_FIELDS)} />}
      <form onSubmit={submit} noValidate>
        <Input id="title" label="Title" labelSize="m" hint="For example, Information evening at the Central Library" error={errors.title} value={title} onChange={setTitle} />
        <Radios<EventKind>
          id="kind"
          legend="What kind of event is it?"
          legendSize="m"
          error={errors.kind}
          value={kind}
          onChange={setKind}
          choices={KINDS.map((k) => ({
            value: k,
            label: KIND_NAMES[k],
            ...(k === 'training'
              ? {
                  conditional: courses.isError ? (
                    <p className="govuk-body">Sorry, your courses cannot be shown right now.</p>
                  ) : courses.data && courseOptions.length === 0 ? (
                    <p className="govuk-body">
                      Your council has no courses yet.{' '}
                      <Link className="govuk-link" to="/staff/training/courses/new">
                        Add a course
                      </Link>{' '}
                      first.
                    </p>
                  ) : (
                    <Select
                      id="course"
                      label="Course"
                      error={errors.course}
                      value={courseId}
                      onChange={setCourseId}
                      options={[{ value: '', text: courses.isPending ? 'Loading courses…' : 'Choose a course' }, ...courseOptions.map((c) => ({ value: c.id, text: c.name }))]}
                    />
                  ),
                }
              : {}),
          }))}
        />
        <Radios<Audience>
          id="audience"
          legend="Who is it for?"
          legendSize="m"
          hint="Only events for the public are listed on your council’s fostering pages. Carers book events for carers in their portal."
          error={errors.audience}
          value={audience}
          onChange={setAudience}
          choices={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_NAMES[a] }))}
        />
        <DateInput id="date" legend="Date" legendSize="m" hint="For example, 20 1 2027" error={errors.date} value={date} onChange={setDate} />
        <Input id="start-time" label="Start time" labelSize="s" hint={TIME_HINT} width="5" error={errors['start-time']} value={startTime} onChange={setStartTime} />
        <Input id="end-time" label="End time" labelSize="s" width="5" error={errors['end-time']} value={endTime} onChange={setEndTime} />
        <p className="govuk-hint">Times are UK time.{editing ? ' If the event is published, everyone registered is emailed a new time or place.' : ''}</p>
        <Fieldset legend="Venue" legendSize="m">
          <div className="govuk-hint">Leave empty for an event that is only online</div>
          <Input id="venue-name" label="Venue name" hint="For example, Community room, Central Library" error={errors['venue-name']} value={venueName} onChange={setVenueName} />
          <Input id="venue-address" label="Address" autoComplete="off" error={errors['venue-address']} value={venueAddress} onChange={setVenueAddress} />
          <Input id="venue-postcode" label="Postcode" width="10" autoComplete="off" error={errors['venue-postcode']} value={venuePostcode} onChange={setVenuePostcode} />
        </Fieldset>
        <Input
          id="online-url"
          label="Joining link (optional)"
          labelSize="m"
          type="url"
          spellCheck={false}
          hint="For a webinar or an event people can also join online. Only people who register see it."
          error={errors['online-url']}
          value={onlineUrl}
          onChange={setOnlineUrl}
        />
        <Input
          id="capacity"
          label="Number of places (optional)"
          labelSize="m"
          hint={
            editing
              ? 'Leave empty for no limit. More places go to the waiting list in order; fewer than the people already booked is not possible.'
              : 'Leave empty for no limit. When it is full, people join a waiting list.'
          }
          inputMode="numeric"
          width="4"
          error={errors.capacity}
          value={capacity}
          onChange={setCapacity}
        />
        <Input id="partner" label="Partner organisation (optional)" labelSize="m" hint="The shop, club or school hosting it" error={errors.partner} value={partner} onChange={setPartner} />
        {councils.isError ? (
          <p className="govuk-body">Sorry, the councils to co-host with cannot be shown right now.</p>
        ) : (
          councilChoices.length > 0 && (
            <Checkboxes
              id="cohosts"
              legend="Co-hosting councils (optional)"
              legendSize="m"
              hint="For a joint event: their staff see it and its registrations, and their carers can book it"
              error={errors.cohosts}
              small
              values={cohosts}
              onChange={setCohosts}
              choices={councilChoices.map((c) => ({ value: c.slug, label: c.name }))}
            />
          )
        )}
        <Input
          id="cost"
          label="Cost in pounds (optional)"
          labelSize="m"
          hint="What the event costs your council, for the cost per enquiry in its results"
          prefix="£"
          inputMode="decimal"
          width="5"
          error={errors.cost}
          value={cost}
          onChange={setCost}
        />
        <Textarea id="description" label="Description (optional)" labelSize="m" error={errors.description} value={description} onChange={setDescription} rows={5} />
        {!editing && (
          <Radios<'published' | 'draft'>
            id="publish"
            legend="Publish it now?"
            legendSize="m"
            error={errors.publish}
            value={publish}
            onChange={setPublish}
            choices={[
              { value: 'published', label: 'Yes, publish it now', hint: 'People can see it and register straight away' },
              { value: 'draft', label: 'No, save it as a draft', hint: 'Only your council’s staff can see it until you publish it' },
            ]}
          />
        )}
        <ButtonGroup>
          <Button disabled={pending}>{submitLabel}</Button>
          <Link className="govuk-link" to={cancelTo}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  )
}
