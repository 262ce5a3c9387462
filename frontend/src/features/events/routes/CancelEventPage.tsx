import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Textarea } from '../../../components/govuk/Textarea'
import { WarningText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useCancelEvent } from '../api/cancel-event'
import { useEvent } from '../api/get-event'
import { whenText } from '../london-time'
import type { StaffEventState } from './StaffEventPage'

/** Confirms cancelling an event: everyone registered or waiting is emailed, with the reason. */
export function CancelEventPage({ notFound }: { notFound: ReactNode }) {
  const { eventId = '' } = useParams()
  const query = useEvent(eventId)
  const cancel = useCancelEvent()
  const navigate = useNavigate()
  const [reason, setReason] = useState('')
  const event = query.data?.event
  usePageTitle(event ? `Cancel ${event.title}` : 'Cancel event', { error: cancel.isError })

  if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <>{notFound}</>
  if (query.isError) return <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!event)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  const counts = event.staff?.counts
  const people = counts ? counts.confirmed + counts.waitlisted : 0
  const problem = isApiError(cancel.error, 403)
    ? 'Only the council hosting this event can cancel it.'
    : isApiError(cancel.error, 409)
      ? (cancel.error.problem?.detail ?? 'This event cannot be cancelled.')
      : isApiError(cancel.error) && cancel.error.fieldErrors[0]
        ? cancel.error.fieldErrors[0].message
        : 'Sorry, the event could not be cancelled. Try again later.'

  const confirm = () =>
    cancel.mutate(
      { eventId: event.id, reason: reason.trim() || null },
      {
        onSuccess: () => {
          const state: StaffEventState = { notice: 'cancelled' }
          navigate('..', { relative: 'path', state })
        },
      },
    )

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {cancel.isError && <ErrorSummary key={cancel.submittedAt} errors={[{ text: problem }]} />}
        <span className="govuk-caption-l">{event.title}</span>
        <h1 className="govuk-heading-xl">Are you sure you want to cancel this event?</h1>
        <p className="govuk-body">{whenText(event.starts_at, event.ends_at)}</p>
        <WarningText>
          {people === 0
            ? 'No one is registered yet. The event will show as cancelled.'
            : `We will email the ${people} ${people === 1 ? 'person' : 'people'} registered or waiting to tell them. You cannot undo this.`}
        </WarningText>
        <Textarea
          id="reason"
          label="Why is it cancelled? (optional)"
          hint="We include this in the email"
          value={reason}
          onChange={setReason}
          rows={3}
        />
        <ButtonGroup>
          <Button type="button" variant="warning" onClick={confirm} disabled={cancel.isPending || event.status === 'cancelled'}>
            Cancel event
          </Button>
          <Link className="govuk-link" to=".." relative="path">
            Keep the event
          </Link>
        </ButtonGroup>
      </div>
    </div>
  )
}
