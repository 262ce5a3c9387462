import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { Tag } from '../../../components/govuk/Tag'
import { usePageTitle } from '../../../lib/page'
import { useBookEvent, useCancelOwnBooking } from '../api/book-event'
import { useBookableEvents } from '../api/list-bookable'
import { EventPlace } from '../components/EventFacts'
import { whenText } from '../london-time'
import { KIND_NAMES, seatsText } from '../vocabulary'

/**
 * Events for foster carers (or applicants) in the portal, other than training: celebrations,
 * support groups, coffee mornings. Booking uses the same places and waiting list as the public.
 */
export function CarerEventsPage() {
  const events = useBookableEvents()
  const book = useBookEvent()
  const cancel = useCancelOwnBooking()
  usePageTitle('Events', { error: book.isError || cancel.isError })

  const booked = book.data ? events.data?.items.find((e) => e.id === book.data.event_id) : undefined
  const problem = book.isError
    ? isApiError(book.error, 409)
      ? (book.error.problem?.detail ?? 'You have already booked this event, or it is no longer taking bookings.')
      : 'Sorry, the event could not be booked. Try again later.'
    : cancel.isError
      ? 'Sorry, your booking could not be cancelled. Try again later.'
      : null

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {problem && <ErrorSummary key={book.submittedAt + cancel.submittedAt} errors={[{ text: problem }]} />}
        {book.data && book.isSuccess && (
          <NotificationBanner
            type="success"
            heading={
              book.data.status === 'confirmed'
                ? `You have a place at ${booked?.title ?? 'the event'}`
                : `You are number ${book.data.waitlist_position} on the waiting list for ${booked?.title ?? 'the event'}`
            }
          >
            <p className="govuk-body">We have emailed you the details.</p>
          </NotificationBanner>
        )}
        {cancel.isSuccess && <NotificationBanner type="success" heading="Your booking is cancelled" />}
        <h1 className="govuk-heading-xl">Events</h1>
        <p className="govuk-body-l">Get-togethers, celebrations and support groups for you. Training sessions are under Training.</p>
        {events.isPending && (
          <p className="govuk-body" role="status">
            Loading events…
          </p>
        )}
        {events.isError && <p className="govuk-body">Sorry, events cannot be shown right now. Try again later.</p>}
        {events.data && events.data.items.length === 0 && <p className="govuk-body">No events are planned at the moment. Check again soon.</p>}
        {events.data && events.data.items.length > 0 && (
          <ul className="govuk-list">
            {events.data.items.map((event) => (
              <li key={event.id}>
                <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
                <span className="govuk-caption-m">{KIND_NAMES[event.kind]}</span>
                <h2 className="govuk-heading-m govuk-!-margin-bottom-2">{event.title}</h2>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <time dateTime={event.starts_at}>{whenText(event.starts_at, event.ends_at)}</time>
                </p>
                <div className="govuk-body govuk-!-margin-bottom-1">
                  <EventPlace event={event} />
                </div>
                {event.description && <p className="govuk-body">{event.description}</p>}
                <p className="govuk-body">
                  {event.my_booking === 'confirmed' && <Tag colour="green">Booked</Tag>}
                  {event.my_booking === 'waitlisted' && <Tag colour="yellow">On the waiting list</Tag>}
                  {event.my_booking === 'attended' && <Tag colour="green">You came</Tag>}
                  {!event.my_booking && (event.is_full ? 'Full: you can join the waiting list' : seatsText(event))}
                </p>
                {!event.my_booking && (
                  <Button type="button" onClick={() => book.mutate(event.id)} disabled={book.isPending}>
                    {event.is_full ? 'Join the waiting list' : 'Book a place'}
                    <span className="govuk-visually-hidden"> at {event.title}</span>
                  </Button>
                )}
                {(event.my_booking === 'confirmed' || event.my_booking === 'waitlisted') && (
                  <Button type="button" variant="secondary" onClick={() => cancel.mutate(event.id)} disabled={cancel.isPending}>
                    Cancel booking<span className="govuk-visually-hidden"> at {event.title}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
