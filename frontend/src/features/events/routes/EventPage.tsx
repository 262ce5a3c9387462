import type { ReactNode } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { ButtonLink } from '../../../components/govuk/Button'
import { BackLink, InsetText, WarningText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useEvent } from '../api/get-event'
import { EventFacts } from '../components/EventFacts'
import { attendanceMode, eventStatusUrl, KIND_NAMES, type EventOut } from '../vocabulary'

export function isOpen(event: EventOut, now = Date.now()): boolean {
  return event.status === 'published' && new Date(event.ends_at).getTime() > now
}

/** Whether `slug` may show the event: its host or a co-host. */
export function listedBy(event: EventOut, slug: string | undefined): boolean {
  return event.council.slug === slug || event.cohosts.some((c) => c.slug === slug)
}

/** The API's enquiry address for the event (carrying its campaign code) as a path on this site. */
export function enquiryPath(event: Pick<EventOut, 'enquiry_url' | 'council'>): string {
  try {
    const url = new URL(event.enquiry_url)
    return `${url.pathname}${url.search}`
  } catch {
    return `/councils/${event.council.slug}/enquire`
  }
}

/**
 * An event's public page, a schema.org `Event` in microdata (`itemScope` on the page's
 * content, `itemProp` on each fact), with the way to register.
 */
export function EventPage({ notFound }: { notFound: ReactNode }) {
  const { slug, eventId = '' } = useParams()
  const query = useEvent(eventId)
  const event = query.data?.event
  usePageTitle(event?.title ?? 'Event')

  if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <>{notFound}</>
  if (query.isError) return <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!event)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  if (!listedBy(event, slug)) return <Navigate replace to={`/councils/${event.council.slug}/events/${event.id}`} />

  const open = isOpen(event)
  return (
    <>
      <BackLink to={`/councils/${slug}/events`}>All events</BackLink>
      <div className="govuk-grid-row" itemScope itemType="https://schema.org/Event">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{KIND_NAMES[event.kind]}</span>
          <h1 className="govuk-heading-xl" itemProp="name">
            {event.title}
          </h1>
          <link itemProp="eventStatus" href={eventStatusUrl(event.status)} />
          <link itemProp="eventAttendanceMode" href={attendanceMode(event)} />
          <meta itemProp="isAccessibleForFree" content="true" />
          {event.status === 'cancelled' && <WarningText>This event has been cancelled.</WarningText>}
          {event.status === 'draft' && <InsetText>This event is a draft: only your council’s staff can see it.</InsetText>}
          {event.status === 'published' && !open && <InsetText>This event has finished.</InsetText>}
          <EventFacts event={event} />
          {event.description && (
            <div itemProp="description">
              {event.description.split(/\n{2,}/).map((paragraph, index) => (
                <p key={index} className="govuk-body">
                  {paragraph}
                </p>
              ))}
            </div>
          )}
          {open && (
            <>
              <h2 className="govuk-heading-m">{event.is_full ? 'Join the waiting list' : 'Book your place'}</h2>
              <p className="govuk-body">
                {event.is_full
                  ? 'This event is full. Join the waiting list and we will email you if a place comes up.'
                  : 'It is free. We will email you a confirmation, and a reminder the day before.'}
              </p>
              <ButtonLink to="register">{event.is_full ? 'Join the waiting list' : 'Register for this event'}</ButtonLink>
            </>
          )}
          <h2 className="govuk-heading-m">Cannot make it?</h2>
          <p className="govuk-body">
            You can{' '}
            <Link className="govuk-link" to={enquiryPath(event)}>
              enquire about fostering
            </Link>{' '}
            at any time, or see{' '}
            <Link className="govuk-link" to={`/councils/${slug}/events`}>
              other events
            </Link>
            .
          </p>
        </div>
      </div>
    </>
  )
}
