import { useState, type FormEvent } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { Button, ButtonLink } from '../../../components/govuk/Button'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { Tag } from '../../../components/govuk/Tag'
import { formatDateTime } from '../../../lib/format'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { usePageTitle } from '../../../lib/page'
import { useManagedEvents, type ManagedFilter } from '../api/list-managed-events'
import { isKind, KIND_NAMES, KINDS, STATUS_COLOURS, STATUS_NAMES, type EventKind, type EventOut, type EventStatus } from '../vocabulary'

type When = 'upcoming' | 'past' | 'all'
const WHEN_NAMES: Record<When, string> = { upcoming: 'Coming up', past: 'Finished', all: 'All' }
const isWhen = (value: string | null): value is When => value === 'upcoming' || value === 'past' || value === 'all'
const isStatus = (value: string | null): value is EventStatus => value === 'draft' || value === 'published' || value === 'cancelled'

export function placesText(event: EventOut): string {
  const counts = event.staff?.counts
  if (!counts) return ''
  const held = counts.confirmed + counts.attended + counts.no_show
  return event.capacity === null ? `${held}` : `${held} of ${event.capacity}`
}

/** The council's events, hosted and co-hosted, in every status, with filters in the address. */
export function StaffEventsPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const when = params.get('when')
  const kind = params.get('kind')
  const status = params.get('status')
  const cursor = params.get('cursor')
  const filter: ManagedFilter = {
    limit: 25,
    when: isWhen(when) ? when : 'upcoming',
    ...(isKind(kind) ? { kind } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const events = useManagedEvents(filter)
  usePageTitle('Events')
  const [whenChoice, setWhenChoice] = useState<When | ''>(filter.when ?? 'upcoming')
  const [kindChoice, setKindChoice] = useState<EventKind | ''>(isKind(kind) ? kind : '')
  const [statusChoice, setStatusChoice] = useState<EventStatus | ''>(isStatus(status) ? status : '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (whenChoice && whenChoice !== 'upcoming') next.set('when', whenChoice)
    if (kindChoice) next.set('kind', kindChoice)
    if (statusChoice) next.set('status', statusChoice)
    setParams(next)
  }
  const links = pageLinks(params, previousCursors(location.state), events.data?.next_cursor)

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Events</h1>
          <p className="govuk-body">Drop-ins, information evenings, stalls, webinars and training sessions your council runs or co-hosts.</p>
        </div>
        <div className="govuk-grid-column-one-third">
          <ButtonLink to="new">Create an event</ButtonLink>
        </div>
      </div>
      <form onSubmit={submit} noValidate role="search" aria-label="Events">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select<When>
              id="when"
              label="When"
              value={whenChoice}
              onChange={setWhenChoice}
              options={(Object.keys(WHEN_NAMES) as When[]).map((w) => ({ value: w, text: WHEN_NAMES[w] }))}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select<EventKind>
              id="kind"
              label="Kind"
              value={kindChoice}
              onChange={setKindChoice}
              options={[{ value: '', text: 'All kinds' }, ...KINDS.map((k) => ({ value: k, text: KIND_NAMES[k] }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select<EventStatus>
              id="status"
              label="Status"
              value={statusChoice}
              onChange={setStatusChoice}
              options={[{ value: '', text: 'All' }, ...(['draft', 'published', 'cancelled'] as const).map((s) => ({ value: s, text: STATUS_NAMES[s] }))]}
            />
          </div>
        </div>
        <Button variant="secondary">Show events</Button>
      </form>
      {events.isPending && (
        <p className="govuk-body" role="status">
          Loading events…
        </p>
      )}
      {events.isError && <p className="govuk-body">Sorry, events cannot be shown right now. Try again later.</p>}
      {events.data && events.data.items.length === 0 && <p className="govuk-body">No events match.</p>}
      {events.data && events.data.items.length > 0 && (
        <Table
          caption="Your council’s events"
          captionHidden
          rows={events.data.items}
          rowKey={(e) => e.id}
          firstCellIsHeader
          columns={[
            {
              header: 'Event',
              cell: (e) => (
                <Link className="govuk-link" to={e.id}>
                  {e.title}
                </Link>
              ),
            },
            { header: 'Starts', cell: (e) => formatDateTime(e.starts_at) },
            { header: 'Kind', cell: (e) => KIND_NAMES[e.kind] },
            { header: 'Status', cell: (e) => <Tag colour={STATUS_COLOURS[e.status]}>{STATUS_NAMES[e.status]}</Tag> },
            { header: 'Places taken', cell: placesText, numeric: true },
            { header: 'Waiting', cell: (e) => String(e.staff?.counts.waitlisted ?? 0), numeric: true },
          ]}
        />
      )}
      {events.data && <Pagination label="Pages of events" previous={links.previous} next={links.next} />}
    </>
  )
}
