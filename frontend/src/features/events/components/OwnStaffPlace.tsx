import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { useMe } from '../../../lib/auth/AuthProvider'
import { useBookEvent, useCancelOwnBooking } from '../api/book-event'
import { useRegistrations } from '../api/list-registrations'
import type { EventOut } from '../vocabulary'

/**
 * A staff event (a team briefing, a joint training day) on its staff page: staff of the hosting
 * and co-hosting councils book themselves a place with the public seat logic. Their own booking
 * is the registration under their account, found in the event's registrations by their email.
 */
export function OwnStaffPlace({ event }: { event: EventOut }) {
  const me = useMe()
  const registrations = useRegistrations(event.id, { q: me.email ?? '', limit: 50 })
  const book = useBookEvent()
  const cancel = useCancelOwnBooking()
  const mine = registrations.data?.items.find((r) => r.user_id === me.id && r.status !== 'cancelled')
  const busy = book.isPending || cancel.isPending || registrations.isFetching

  const problem = book.isError
    ? isApiError(book.error, 409)
      ? (book.error.problem?.detail ?? 'You already have a place, or the event is not taking bookings.')
      : 'Sorry, your place could not be booked. Try again later.'
    : cancel.isError
      ? 'Sorry, your place could not be cancelled. Try again later.'
      : null

  return (
    <section aria-labelledby="own-place-heading">
      <h2 className="govuk-heading-m" id="own-place-heading">
        Your place
      </h2>
      {problem && <ErrorSummary key={book.submittedAt + cancel.submittedAt} errors={[{ text: problem }]} />}
      {book.isSuccess && mine && (
        <NotificationBanner
          type="success"
          heading={
            book.data.status === 'confirmed'
              ? `You have a place at ${event.title}`
              : `You are number ${book.data.waitlist_position} on the waiting list for ${event.title}`
          }
        >
          <p className="govuk-body">We have emailed you the details.</p>
        </NotificationBanner>
      )}
      {cancel.isSuccess && !mine && <NotificationBanner type="success" heading="Your place is cancelled" />}
      {registrations.isPending && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {registrations.isError && <p className="govuk-body">Sorry, your place cannot be shown right now. Try again later.</p>}
      {registrations.isSuccess && !mine && (
        <>
          <p className="govuk-body">
            {event.is_full
              ? 'This event is for staff. It is full: you can join the waiting list.'
              : 'This event is for staff. You can book yourself a place.'}
          </p>
          <Button
            type="button"
            disabled={busy}
            onClick={() => {
              cancel.reset()
              book.mutate(event.id)
            }}
          >
            {event.is_full ? 'Join the waiting list' : 'Book yourself a place'}
          </Button>
        </>
      )}
      {mine && (
        <>
          <p className="govuk-body">
            {mine.status === 'confirmed' && 'You have a place.'}
            {mine.status === 'waitlisted' && 'You are on the waiting list.'}
            {mine.status === 'attended' && 'You came.'}
            {mine.status === 'no_show' && 'You are marked as not coming.'}
          </p>
          {(mine.status === 'confirmed' || mine.status === 'waitlisted') && (
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() => {
                book.reset()
                cancel.mutate(event.id)
              }}
            >
              {mine.status === 'confirmed' ? 'Cancel your place' : 'Leave the waiting list'}
            </Button>
          )}
        </>
      )}
    </section>
  )
}
