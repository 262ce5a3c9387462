import { Link } from 'react-router'
import { isApiError } from '../../../api/problems'
import type { Schemas } from '../../../api/client'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { Tag } from '../../../components/govuk/Tag'
import { usePageTitle } from '../../../lib/page'
import { useBookSession } from '../api/book-session'
import { useCancelBooking } from '../api/cancel-booking'
import { useSessions } from '../api/list-sessions'
import { SessionWhen } from '../components/SessionWhen'

type Session = Schemas['TrainingSession']
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' })

/** Sessions grouped by month ("January 2027"), in the order the API gives (soonest first). */
export function byMonth(sessions: readonly Session[]): [string, Session[]][] {
  const groups = new Map<string, Session[]>()
  for (const session of sessions) {
    const month = monthFormat.format(new Date(session.starts_at))
    groups.set(month, [...(groups.get(month) ?? []), session])
  }
  return [...groups.entries()]
}

function placesText(session: Session): string {
  if (session.seats_left === null) return 'Places available'
  if (session.seats_left === 0) return 'Full: waiting list'
  return `${session.seats_left} ${session.seats_left === 1 ? 'place' : 'places'} left`
}

/** The training calendar in the portal: sessions to come, and booking a place. */
export function TrainingSessionsPage() {
  const sessions = useSessions()
  const book = useBookSession()
  const cancel = useCancelBooking()
  usePageTitle('Training', { error: book.isError || cancel.isError })

  const booked = book.data ? sessions.data?.items.find((s) => s.id === book.data.event_id) : undefined
  const problem = book.isError
    ? isApiError(book.error, 409)
      ? 'You have already booked this session, or it is no longer taking bookings.'
      : 'Sorry, the session could not be booked. Try again later.'
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
                ? `You are booked on ${booked?.title ?? 'the session'}`
                : `You are number ${book.data.waitlist_position} on the waiting list for ${booked?.title ?? 'the session'}`
            }
          >
            <p className="govuk-body">We have emailed you the details.</p>
          </NotificationBanner>
        )}
        {cancel.isSuccess && <NotificationBanner type="success" heading="Your booking is cancelled" />}
        <h1 className="govuk-heading-xl">Training</h1>
        <p className="govuk-body-l">Courses to help you care, and to keep your training up to date.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="record">
            See your training record and when courses expire
          </Link>
        </p>
        {sessions.isPending && (
          <p className="govuk-body" role="status">
            Loading sessions…
          </p>
        )}
        {sessions.isError && <p className="govuk-body">Sorry, training sessions cannot be shown right now. Try again later.</p>}
        {sessions.data && sessions.data.items.length === 0 && <p className="govuk-body">No sessions are planned at the moment. Check again soon.</p>}
        {sessions.data &&
          byMonth(sessions.data.items).map(([month, items]) => (
            <section key={month} aria-label={month}>
              <h2 className="govuk-heading-l">{month}</h2>
              <ul className="govuk-list">
                {items.map((session) => (
                  <li key={session.id}>
                    <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
                    {session.course_name && <span className="govuk-caption-m">{session.course_name}</span>}
                    <h3 className="govuk-heading-m govuk-!-margin-bottom-2">{session.title}</h3>
                    <p className="govuk-body govuk-!-margin-bottom-2">
                      <SessionWhen event={session} />
                    </p>
                    {session.venue?.address && <p className="govuk-body govuk-!-margin-bottom-2">{session.venue.address}, {session.venue.postcode}</p>}
                    <p className="govuk-body">
                      {session.my_booking === 'confirmed' && <Tag colour="green">Booked</Tag>}
                      {session.my_booking === 'waitlisted' && <Tag colour="yellow">On the waiting list</Tag>}
                      {!session.my_booking && placesText(session)}
                    </p>
                    {!session.my_booking && (
                      <Button type="button" onClick={() => book.mutate(session.id)} disabled={book.isPending}>
                        {session.is_full ? 'Join the waiting list' : 'Book a place'}
                        <span className="govuk-visually-hidden"> on {session.title}</span>
                      </Button>
                    )}
                    {(session.my_booking === 'confirmed' || session.my_booking === 'waitlisted') && (
                      <Button type="button" variant="secondary" onClick={() => cancel.mutate(session.id)} disabled={cancel.isPending}>
                        Cancel booking<span className="govuk-visually-hidden"> on {session.title}</span>
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
    </div>
  )
}
