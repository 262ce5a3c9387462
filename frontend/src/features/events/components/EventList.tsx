import { Link } from 'react-router'
import { Tag } from '../../../components/govuk/Tag'
import { whenText } from '../london-time'
import { attendanceMode, eventStatusUrl, KIND_NAMES, seatsText, type EventOut } from '../vocabulary'
import { EventPlace } from './EventFacts'

/**
 * A list of events, each a schema.org `Event` in microdata, linked to its page under the
 * council it is listed for (`councilSlug`), or under its host.
 */
export function EventList({
  events,
  councilSlug,
  headingLevel = 2,
  showCouncil = false,
}: {
  events: readonly EventOut[]
  councilSlug?: string
  headingLevel?: 2 | 3
  showCouncil?: boolean
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="govuk-list">
      {events.map((event) => {
        const href = `/councils/${councilSlug ?? event.council.slug}/events/${event.id}`
        return (
          <li key={event.id} itemScope itemType="https://schema.org/Event">
            <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
            <span className="govuk-caption-m">{KIND_NAMES[event.kind]}</span>
            <Heading className="govuk-heading-m govuk-!-margin-bottom-2">
              <Link className="govuk-link" to={href} itemProp="url">
                <span itemProp="name">{event.title}</span>
              </Link>
            </Heading>
            <link itemProp="eventStatus" href={eventStatusUrl(event.status)} />
            <link itemProp="eventAttendanceMode" href={attendanceMode(event)} />
            <p className="govuk-body govuk-!-margin-bottom-1">
              <time itemProp="startDate" dateTime={event.starts_at}>
                {whenText(event.starts_at, event.ends_at)}
              </time>
              <meta itemProp="endDate" content={event.ends_at} />
            </p>
            <div className="govuk-body govuk-!-margin-bottom-1">
              <EventPlace event={event} />
            </div>
            {event.distance_km != null && <p className="govuk-body govuk-!-margin-bottom-1">{event.distance_km} km away</p>}
            {showCouncil && <p className="govuk-body govuk-!-margin-bottom-1">{event.council.name}</p>}
            <p className="govuk-body">
              {event.status === 'cancelled' ? <Tag colour="red">Cancelled</Tag> : event.is_full ? <Tag colour="yellow">Full: waiting list</Tag> : seatsText(event)}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
