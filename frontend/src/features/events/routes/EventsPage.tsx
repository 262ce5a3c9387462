import { useState, type FormEvent } from 'react'
import { useLocation, useParams, useSearchParams } from 'react-router'
import { Button } from '../../../components/govuk/Button'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { summaryOf, useFormErrors } from '../../../lib/forms'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { usePageTitle } from '../../../lib/page'
import { useEvents, type EventsFilter } from '../api/list-events'
import { EventList } from '../components/EventList'
import { isKind, KIND_NAMES, KINDS, type EventKind } from '../vocabulary'

const PAGE_SIZE = 20
type Field = 'from' | 'to'

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
  const filter: EventsFilter = {
    limit: PAGE_SIZE,
    ...(slug ? { council: slug } : {}),
    ...(isKind(kind) ? { kind } : {}),
    ...(isIso(from) ? { from } : {}),
    ...(isIso(to) ? { to } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const events = useEvents(filter)

  const [kindChoice, setKindChoice] = useState<EventKind | ''>(isKind(kind) ? kind : '')
  const [fromParts, setFromParts] = useState<DateParts>(partsOf(from))
  const [toParts, setToParts] = useState<DateParts>(partsOf(to))
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(slug ? 'Events' : 'Fostering events', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fromIso = isBlank(fromParts) ? '' : toIsoDate(fromParts)
    const toIso = isBlank(toParts) ? '' : toIsoDate(toParts)
    const found: { from?: string; to?: string } = {}
    if (fromIso === null) found.from = 'The from date must be a real date, like 20 1 2027'
    if (toIso === null) found.to = 'The to date must be a real date, like 27 1 2027'
    else if (fromIso && toIso && toIso < fromIso) found.to = 'The to date must be the same as or after the from date'
    setErrors(found)
    if (Object.keys(found).length) return
    const next = new URLSearchParams()
    if (kindChoice) next.set('kind', kindChoice)
    if (fromIso) next.set('from', fromIso)
    if (toIso) next.set('to', toIso)
    setParams(next)
  }

  const links = pageLinks(params, previousCursors(location.state), events.data?.next_cursor)
  const filtered = Boolean(filter.kind || filter.from || filter.to)

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, ['from', 'to'])} />}
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
          {events.isError && <p className="govuk-body">Sorry, events cannot be shown right now. Try again later.</p>}
          {events.data && (
            <p className="govuk-body" role="status">
              {events.data.items.length === 0
                ? filtered
                  ? 'No events match those filters.'
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
