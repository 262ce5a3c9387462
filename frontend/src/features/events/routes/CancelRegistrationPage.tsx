import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Panel } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useCancelPreview, useCancelRegistration } from '../api/cancel-registration'
import { whenText } from '../london-time'

/**
 * Where the confirmation email's cancellation link lands (`/events/registrations/cancel?token=`).
 * Opening the link changes nothing (email scanners open links); the person confirms here.
 */
export function CancelRegistrationPage({ notFound }: { notFound: ReactNode }) {
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const preview = useCancelPreview(token)
  const cancel = useCancelRegistration()
  const data = preview.data
  const cancelled = data?.status === 'cancelled'
  usePageTitle(cancelled ? 'Your place is cancelled' : 'Cancel your place', { error: cancel.isError })

  if (token.length < 20 || isApiError(preview.error, 404) || isApiError(preview.error, 422)) return <>{notFound}</>
  if (preview.isError) return <p className="govuk-body">Sorry, this page cannot be shown right now. Try again later.</p>
  if (!data)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  const eventHref = `/councils/${data.event.council.slug}/events/${data.event.id}`

  if (cancelled)
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title="Your place is cancelled">{data.event.title}</Panel>
          <p className="govuk-body">Thank you for letting us know. Your place goes to the next person on the waiting list.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/councils/${data.event.council.slug}/events`}>
              See other events
            </Link>
          </p>
        </div>
      </div>
    )

  const problem = isApiError(cancel.error, 409)
    ? 'This registration cannot be cancelled now: the event has taken place.'
    : 'Sorry, your place could not be cancelled. Try again later.'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {cancel.isError && <ErrorSummary key={cancel.submittedAt} errors={[{ text: problem }]} />}
        <span className="govuk-caption-l">{data.name}</span>
        <h1 className="govuk-heading-xl">Cancel your {data.status === 'waitlisted' ? 'place on the waiting list' : 'place'}?</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={eventHref}>
            {data.event.title}
          </Link>
          , {whenText(data.event.starts_at, data.event.ends_at)}.
        </p>
        <ButtonGroup>
          <Button type="button" variant="warning" onClick={() => cancel.mutate(token)} disabled={cancel.isPending}>
            Cancel my place
          </Button>
          <Link className="govuk-link" to={eventHref}>
            Keep my place
          </Link>
        </ButtonGroup>
      </div>
    </div>
  )
}
