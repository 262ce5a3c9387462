import { useState, type FormEvent } from 'react'
import { useLocation, useParams, useSearchParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { summaryOf, useFormErrors } from '../../../lib/forms'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { usePageTitle } from '../../../lib/page'
import { useEvents, type EventsFilter } from '../api/list-events'
import { EventList } from '../components/EventList'
import { isKind, KIND_NAMES, KINDS, type EventKind } from '../vocabulary'

const PAGE_SIZE = 20
type Field = 'near' | 'within' | 'from' | 'to'
const DISTANCES = ['5', '10', '25', '50'] as const
type Distance = (typeof DISTANCES)[number]
const isDistance = (value: string | null): value is Distance => value !== null && (DISTANCES as readonly string[]).includes(value)
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i

function partsOf(iso: string | null): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' } : { day: '', month: '', year: '' }
}

const isBlank = (parts: DateParts) => !parts.day.trim() && !parts.month.trim() && !parts.year.trim()
const isIso = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value)

/**
 * Events to come: every council's at `/events`, or one council's (its own and those it
 * co-hosts) at `/councils/{slug}/events`. Filters by kind and dates live in the address.
 */
export function EventsPage() {
  const { slug } = useParams()
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const kind = params.get('kind')
  const from = params.get('from')
  const to = params.get('to')
  const cursor = params.get('cursor')
  const near = params.get('near')
  const within = params.get('within_km')
  const filter: EventsFilter = {
    limit: PAGE_SIZE,
    ...(slug ? { council: slug } : {}),
    ...(isKind(kind) ? { kind } : {}),
    ...(isIso(from) ? { from } : {}),
    ...(isIso(to) ? { to } : {}),
    ...(near ? { near, within_km: isDistance(within) ? Number(within) : 25 } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const events = useEvents(filter)

  const [kindChoice, setKindChoice] = useState<EventKind | ''>(isKind(kind) ? kind : '')
  const [fromParts, setFromParts] = useState<DateParts>(partsOf(from))
  const [toParts, setToParts] = useState<DateParts>(partsOf(to))
  const [nearText, setNearText] = useState(near ?? '')
  const [withinChoice, setWithinChoice] = useState<Distance | ''>(isDistance(within) ? within : '25')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(slug ? 'Events' : 'Fostering events', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fromIso = isBlank(fromParts) ? '' : toIsoDate(fromParts)
    const toIso = isBlank(toParts) ? '' : toIsoDate(toParts)
    const found: { near?: string; from?: string; to?: string } = {}
    if (nearText.trim() && !UK_POSTCODE.test(nearText.trim())) found.near = 'Enter a full UK postcode, like SW1A 1AA'
    if (fromIso === null) found.from = 'The from date must be a real date, like 20 1 2027'
    if (toIso === null) found.to = 'The to date must be a real date, like 27 1 2027'
    else if (fromIso && toIso && toIso < fromIso) found.to = 'The to date must be the same as or after the from date'
    setErrors(found)
    if (Object.keys(found).length) return
    const next = new URLSearchParams()
    if (kindChoice) next.set('kind', kindChoice)
    if (fromIso) next.set('from', fromIso)
    if (toIso) next.set('to', toIso)
    if (nearText.trim()) {
      next.set('near', nearText.trim().toUpperCase())
      next.set('within_km', withinChoice || '25')
    }
    setParams(next)
  }

  const links = pageLinks(params, previousCursors(location.state), events.data?.next_cursor)
  const filtered = Boolean(filter.kind || filter.from || filter.to || filter.near)
  // The API answers 422 naming `near` for a postcode whose position it does not know.
  const unknownPlace = isApiError(events.error, 422) && events.error.fieldErrors.some((e) => e.field === 'near')
  const shownErrors = unknownPlace && !errors.near ? { ...errors, near: 'We do not know where that postcode is. Check it, or search without it.' } : errors

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {(hasErrors || unknownPlace) && <ErrorSummary key={attempt} errors={summaryOf(shownErrors, ['near', 'from', 'to'])} />}
          <h1 className="govuk-heading-xl">{slug ? 'Events' : 'Fostering events'}</h1>
          <p className="govuk-body-l">
            Come and meet our foster carers and social workers at an information evening, a drop-in or online. Ask
            anything: there is no commitment.
          </p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form onSubmit={submit} noValidate role="search" aria-label="Events">
            <h2 className="govuk-heading-m">Filter events</h2>
            <Select<EventKind>
              id="kind"
              label="Kind of event"
              value={kindChoice}
              onChange={setKindChoice}
              options={[{ value: '', text: 'All kinds' }, ...KINDS.filter((k) => k !== 'training').map((k) => ({ value: k, text: KIND_NAMES[k] }))]}
            />
 <Input id="near" label="Near a postcode" hint="For example, L1 1DA" width="10" autoComplete="postal-code" error={shownErrors.near} value={nearText} onChange={setNearText} />
            <Select<Distance>
              id="within"
              label="Within"
              value={withinChoice}
              onChange={setWithinChoice}
              options={DISTANCES.map((d) => ({ value: d, text: `${d} km (about ${Math.round(Number(d) * 0.621)} miles)` }))}
            />
            <DateInput id="from" legend="From" legendSize="s" hint="For example, 20 1 2027" error={errors.from} value={fromParts} onChange={setFromParts} />
            <DateInput id="to" legend="To" legendSize="s" error={errors.to} value={toParts} onChange={setToParts} />
            <Button variant="secondary">Show events</Button>
          </form>
          {slug && (
            <p className="govuk-body">
              <a className="govuk-link" href={`/api/v1/councils/${slug}/events.ics`}>
                Add these events to your calendar (iCalendar)
              </a>
            </p>
          )}
        </div>
        <div className="govuk-grid-column-two-thirds">
          {events.isPending && (
            <p className="govuk-body" role="status">
              Loading events…
            </p>
          )}
          {events.isError && !unknownPlace && <p className="govuk-body">Sorry, events cannot be shown right now. Try again later.</p>}
          {events.data && (
            <p className="govuk-body" role="status">
              {events.data.items.length === 0
                ? filtered
                  ? filter.near
                    ? 'No events match those filters near that postcode. Online events are not listed by distance: search without a postcode to see them.'
                    : 'No events match those filters.'
                  : 'No events are planned at the moment. Check again soon.'
                : `Showing ${events.data.items.length}${events.data.next_cursor ? ' or more' : ''} ${events.data.items.length === 1 ? 'event' : 'events'}`}
            </p>
          )}
          {events.data && events.data.items.length > 0 && (
            <EventList events={events.data.items} {...(slug ? { councilSlug: slug } : {})} showCouncil={!slug} />
          )}
          {events.data && <Pagination label="Pages of events" previous={links.previous} next={links.next} />}
        </div>
      </div>
    </>
  )
}
