import { Link } from 'react-router'
import type { Schemas } from '../../../api/client'
import { formatDate, formatTime } from '../../../lib/format'
import { useUpcomingEvents } from '../api/list-upcoming-events'

/** The council's next information evenings and drop-ins, linking to its events pages. */
export function EventsToCome({ council }: { council: Schemas['CouncilDetail'] }) {
  const events = useUpcomingEvents(council.slug)
  const items = events.data?.items ?? []
  return (
    <section aria-labelledby="events-heading">
      <h2 className="govuk-heading-m" id="events-heading">
        Events to come
      </h2>
      <p className="govuk-body">
        We hold information evenings and drop-ins where you can meet our foster carers and ask anything.
      </p>
      {items.length > 0 && (
        <ul className="govuk-list govuk-list--spaced">
          {items.map((event) => (
            <li key={event.id}>
              <Link className="govuk-link" to={`/councils/${council.slug}/events/${event.id}`}>
                {event.title}
              </Link>
              <br />
              <time dateTime={event.starts_at}>
                {formatDate(event.starts_at)}, {formatTime(event.starts_at)}
              </time>
              {event.venue?.name ? `, ${event.venue.name}` : event.is_online ? ', online' : ''}
            </li>
          ))}
        </ul>
      )}
      {events.data && items.length === 0 && <p className="govuk-body">No dates are published yet.</p>}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/councils/${council.slug}/events`}>
          {items.length > 0 ? 'See all our events' : 'Check our events page'}
        </Link>
        {events.data && items.length === 0 && council.contact_email && (
          <>
            {' '}
            or email{' '}
            <a className="govuk-link" href={`mailto:${council.contact_email}`}>
              {council.contact_email}
            </a>{' '}
            to hear about the next one
          </>
        )}
        .
      </p>
    </section>
  )
}
