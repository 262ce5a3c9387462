import type { ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup, ButtonLink } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { Tag } from '../../../components/govuk/Tag'
import { BackLink, InsetText } from '../../../components/govuk/Typography'
import { formatDateTime } from '../../../lib/format'
import { formatPence } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { useEvent } from '../api/get-event'
import { usePublishEvent } from '../api/publish-event'
import { EventFacts } from '../components/EventFacts'
import { OwnStaffPlace } from '../components/OwnStaffPlace'
import { StallEnquiryForm } from '../components/StallEnquiryForm'
import { AUDIENCE_NAMES, KIND_NAMES, STATUS_COLOURS, STATUS_NAMES } from '../vocabulary'

export interface StaffEventState {
  notice?: 'created' | 'published' | 'cancelled' | 'updated'
}

const NOTICES = {
  created: 'The event is saved as a draft',
  published: 'The event is published',
  cancelled: 'The event is cancelled and everyone registered has been emailed',
  updated: 'Your changes are saved',
} as const

/** One event for staff: its details, counts, and what can be done with it. */
export function StaffEventPage({ notFound }: { notFound: ReactNode }) {
  const { eventId = '' } = useParams()
  const query = useEvent(eventId)
  const publish = usePublishEvent()
  const state = useLocation().state as StaffEventState | null
  const event = query.data?.event
  usePageTitle(event?.title ?? 'Event', { error: publish.isError })

  if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <>{notFound}</>
  if (query.isError) return <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!event)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  const staff = event.staff
  const notice = publish.isSuccess ? 'published' : state?.notice
  const isHost = staff?.is_host ?? false
  const ended = new Date(event.ends_at).getTime() <= Date.now()
  const publicHref = `/councils/${event.council.slug}/events/${event.id}`

  return (
    <>
      <BackLink to="..">All events</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice && <NotificationBanner type="success" heading={NOTICES[notice]} />}
          {publish.isError && (
            <ErrorSummary
              key={publish.submittedAt}
              errors={[{ text: isApiError(publish.error, 409) ? (publish.error.problem?.detail ?? 'This event cannot be published.') : 'Sorry, the event could not be published. Try again later.' }]}
            />
          )}
          <span className="govuk-caption-l">{KIND_NAMES[event.kind]}</span>
          <h1 className="govuk-heading-xl">{event.title}</h1>
          <p className="govuk-body">
            <Tag colour={STATUS_COLOURS[event.status]}>{STATUS_NAMES[event.status]}</Tag>
            {!isHost && <> Co-hosted: {event.council.name} runs it.</>}
          </p>
          {event.status === 'cancelled' && staff?.cancellation_reason && <InsetText>Cancelled: {staff.cancellation_reason}</InsetText>}
          <EventFacts
            event={event}
            extraRows={[
              { key: 'For', value: AUDIENCE_NAMES[event.audience] },
              ...(staff?.online_url ? [{ key: 'Joining link', value: staff.online_url }] : []),
              ...(event.campaign_code ? [{ key: 'Campaign code', value: <span className="govuk-!-font-weight-bold">{event.campaign_code}</span> }] : []),
              ...(staff?.published_at ? [{ key: 'Published', value: formatDateTime(staff.published_at) }] : []),
              ...(event.cohosts.length ? [{ key: 'Co-hosted with', value: event.cohosts.map((c) => c.name).join(', ') }] : []),
              ...(staff ? [{ key: 'Cost', value: staff.cost_pence != null ? formatPence(staff.cost_pence) : 'Not given' }] : []),
            ]}
          />
          {staff && (
            <>
              <h2 className="govuk-heading-m">Registrations</h2>
              <SummaryList
                rows={[
                  { key: 'Places taken', value: String(staff.counts.confirmed + staff.counts.attended + staff.counts.no_show) },
                  { key: 'On the waiting list', value: String(staff.counts.waitlisted) },
                  { key: 'Checked in', value: String(staff.counts.attended) },
                  { key: 'Did not come', value: String(staff.counts.no_show) },
                  { key: 'Cancelled', value: String(staff.counts.cancelled) },
                ]}
              />
            </>
          )}
          <ButtonGroup>
            {isHost && event.status === 'draft' && (
              <Button type="button" onClick={() => publish.mutate(event.id)} disabled={publish.isPending}>
                Publish event
              </Button>
            )}
            {event.status === 'published' && !ended && <ButtonLink to="check-in">Check people in</ButtonLink>}
            <ButtonLink to="registrations" variant="secondary">
              Registrations
            </ButtonLink>
            <ButtonLink to="results" variant="secondary">
              Results
            </ButtonLink>
          </ButtonGroup>
          <ul className="govuk-list">
            {event.status !== 'draft' && event.audience === 'public' && (
              <li>
                <Link className="govuk-link" to={publicHref}>
                  See the public page
                </Link>
              </li>
            )}
            {isHost && event.status !== 'cancelled' && (
              <li>
                <Link className="govuk-link" to="edit">
                  Change this event
                </Link>
              </li>
            )}
            {isHost && event.status !== 'cancelled' && !ended && (
              <li>
                <Link className="govuk-link" to="cancel">
                  Cancel this event
                </Link>
              </li>
            )}
          </ul>
          {staff && event.audience === 'staff' && event.status === 'published' && !ended && <OwnStaffPlace event={event} />}
          {staff && event.status === 'published' && <StallEnquiryForm eventId={event.id} campaignCode={isHost ? event.campaign_code : null} />}
        </div>
      </div>
    </>
  )
}
