import type { ReactNode } from 'react'
import { SummaryList, type SummaryRow } from '../../../components/govuk/SummaryList'
import { whenText } from '../london-time'
import { seatsText, type EventOut } from '../vocabulary'

/**
 * When, where, who hosts and how many places: the facts every event page shows. Carries
 * schema.org `Event` properties as microdata: the enclosing element has `itemScope`.
 * (Not JSON-LD: a `<script type="application/ld+json">` is an inline script, which the CSP
 * refuses.)
 */
export function EventFacts({ event, extraRows = [] }: { event: EventOut; extraRows?: SummaryRow[] }) {
  const rows: SummaryRow[] = [
    {
      key: 'When',
      value: (
        <>
          <time itemProp="startDate" dateTime={event.starts_at}>
            {whenText(event.starts_at, event.ends_at)}
          </time>
          <meta itemProp="endDate" content={event.ends_at} />
        </>
      ),
    },
    { key: 'Where', value: <EventPlace event={event} /> },
    {
      key: 'Hosted by',
      value: (
        <>
          <span itemProp="organizer" itemScope itemType="https://schema.org/GovernmentOrganization">
            <span itemProp="name">{event.council.name}</span>
          </span>
          {event.cohosts.map((cohost) => (
            <span key={cohost.slug}>
              {' with '}
              <span itemProp="organizer" itemScope itemType="https://schema.org/GovernmentOrganization">
                <span itemProp="name">{cohost.name}</span>
              </span>
            </span>
          ))}
          {event.partner_organisation && (
            <>
              {', at '}
              <span itemProp="sponsor" itemScope itemType="https://schema.org/Organization">
                <span itemProp="name">{event.partner_organisation}</span>
              </span>
            </>
          )}
        </>
      ),
    },
  ]
  if (event.status !== 'cancelled')
    rows.push({
      key: 'Places',
      value: (
        <>
          {seatsText(event)}
          {event.capacity !== null && <meta itemProp="maximumAttendeeCapacity" content={String(event.capacity)} />}
          {event.seats_left !== null && <meta itemProp="remainingAttendeeCapacity" content={String(event.seats_left)} />}
        </>
      ),
    })
  return <SummaryList rows={[...rows, ...extraRows]} />
}

/** The venue as a schema.org Place, an online event as a VirtualLocation, or both. */
export function EventPlace({ event }: { event: Pick<EventOut, 'venue' | 'is_online'> }): ReactNode {
  return (
    <>
      {event.venue && (
        <span itemProp="location" itemScope itemType="https://schema.org/Place" className="govuk-!-display-block">
          <span itemProp="name">{event.venue.name}</span>
          {event.venue.address && (
            <>
              {', '}
              <span itemProp="address" itemScope itemType="https://schema.org/PostalAddress">
                <span itemProp="streetAddress">{event.venue.address}</span>
                {event.venue.postcode && (
                  <>
                    {', '}
                    <span itemProp="postalCode">{event.venue.postcode}</span>
                  </>
                )}
              </span>
            </>
          )}
        </span>
      )}
      {event.is_online && (
        <span itemProp="location" itemScope itemType="https://schema.org/VirtualLocation" className="govuk-!-display-block">
          <span itemProp="name">Online</span>: we email the joining link to everyone registered
        </span>
      )}
    </>
  )
}
