import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Fieldset } from '../../../components/govuk/Fieldset'
import { Input } from '../../../components/govuk/Input'
import { Radios } from '../../../components/govuk/Radios'
import { Select } from '../../../components/govuk/Select'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCreateEvent, type EventCreate } from '../api/create-event'
import { useCourseOptions } from '../api/list-courses'
import { londonDateTime, parseTime } from '../london-time'
import { AUDIENCE_NAMES, AUDIENCES, KIND_NAMES, KINDS, type Audience, type EventKind } from '../vocabulary'
import type { StaffEventState } from './StaffEventPage'

type Field =
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
  | 'description'
  | 'publish'
const FIELDS: readonly Field[] = [
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
  'description',
  'publish',
]
const API_FIELDS: Partial<Record<string, Field>> = {
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
  description: 'description',
}
const TIME_HINT = 'For example, 6pm, 6:30pm or 18:30'

/** Create an event: what, for whom, when (London time), where, how many, and draft or published. */
export function NewEventPage() {
  const create = useCreateEvent()
  const navigate = useNavigate()
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<EventKind | ''>('')
  const [courseId, setCourseId] = useState('')
  const [audience, setAudience] = useState<Audience | ''>('')
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' })
  const [startTime, setStartTime] = useState('')
  const [endTime, setEndTime] = useState('')
  const [venueName, setVenueName] = useState('')
  const [venueAddress, setVenueAddress] = useState('')
  const [venuePostcode, setVenuePostcode] = useState('')
  const [onlineUrl, setOnlineUrl] = useState('')
  const [capacity, setCapacity] = useState('')
  const [partner, setPartner] = useState('')
  const [description, setDescription] = useState('')
  const [publish, setPublish] = useState<'published' | 'draft' | ''>('')
  const courses = useCourseOptions(kind === 'training')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle('Create an event', { error: hasErrors })

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const found: FormErrors<Field> = {}
    if (!title.trim()) found.title = 'Enter the event’s title'
    if (!kind) found.kind = 'Select what kind of event it is'
    if (kind === 'training' && !courseId) found.course = 'Select the course the session teaches'
    if (!audience) found.audience = 'Select who the event is for'
    else if (kind === 'training' && audience !== 'carers' && audience !== 'applicants')
      found.audience = 'A training session is for foster carers or applicants'
    const day = toIsoDate(date)
    if (!date.day && !date.month && !date.year) found.date = 'Enter the date of the event'
    else if (!day) found.date = 'The date of the event must be a real date'
    const starts = parseTime(startTime)
    const ends = parseTime(endTime)
    if (!startTime.trim()) found['start-time'] = 'Enter the start time'
    else if (!starts) found['start-time'] = `Enter the start time like 6pm or 18:00`
    if (!endTime.trim()) found['end-time'] = 'Enter the end time'
    else if (!ends) found['end-time'] = `Enter the end time like 8pm or 20:00`
    else if (starts && ends.hour * 60 + ends.minute <= starts.hour * 60 + starts.minute)
      found['end-time'] = 'The end time must be after the start time'
    const startsAt = day && starts ? londonDateTime(day, starts) : null
    if (startsAt && new Date(startsAt).getTime() <= Date.now()) found.date = 'The event must start in the future'
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
    if (!publish) found.publish = 'Select whether to publish the event now'
    setErrors(found)
    if (Object.keys(found).length || !kind || !audience || !day || !starts || !ends || !publish) return

    const body: EventCreate = {
      title: title.trim(),
      kind,
      audience,
      starts_at: londonDateTime(day, starts),
      ends_at: londonDateTime(day, ends),
      status: publish,
      ...(kind === 'training' ? { course_id: courseId } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(capacity.trim() ? { capacity: Number(capacity) } : {}),
      ...(anyVenue ? { venue: { name: venueName.trim(), address: venueAddress.trim(), postcode: venuePostcode.trim() } } : {}),
      ...(onlineUrl.trim() ? { online_url: onlineUrl.trim() } : {}),
      ...(partner.trim() ? { partner_organisation: partner.trim() } : {}),
    }
    create.mutate(body, {
      onSuccess: (event) => {
        const state: StaffEventState = { notice: event.status === 'published' ? 'published' : 'created' }
        navigate(`../${event.id}`, { relative: 'path', state })
      },
      onError: (error) => setErrors(errorsFromApi(error, API_FIELDS)),
    })
  }

  const courseOptions = courses.data?.items ?? []
  return (
    <>
      <BackLink to="..">Back to events</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <h1 className="govuk-heading-xl">Create an event</h1>
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
              hint="Only events for the public are listed on your council’s fostering pages"
              error={errors.audience}
              value={audience}
              onChange={setAudience}
              choices={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_NAMES[a] }))}
            />
            <DateInput id="date" legend="Date" legendSize="m" hint="For example, 20 1 2027" error={errors.date} value={date} onChange={setDate} />
            <Input id="start-time" label="Start time" labelSize="s" hint={TIME_HINT} width="5" error={errors['start-time']} value={startTime} onChange={setStartTime} />
            <Input id="end-time" label="End time" labelSize="s" width="5" error={errors['end-time']} value={endTime} onChange={setEndTime} />
            <p className="govuk-hint">Times are UK time.</p>
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
              hint="Leave empty for no limit. When it is full, people join a waiting list."
              inputMode="numeric"
              width="4"
              error={errors.capacity}
              value={capacity}
              onChange={setCapacity}
            />
            <Input
              id="partner"
              label="Partner organisation (optional)"
              labelSize="m"
              hint="The shop, club or school hosting it"
              error={errors.partner}
              value={partner}
              onChange={setPartner}
            />
            <Textarea id="description" label="Description (optional)" labelSize="m" error={errors.description} value={description} onChange={setDescription} rows={5} />
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
            <ButtonGroup>
              <Button disabled={create.isPending}>Create event</Button>
              <Link className="govuk-link" to="..">
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
