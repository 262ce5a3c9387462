import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useLocation, useParams, useSearchParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup, ButtonLink } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { Input } from '../../../components/govuk/Input'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { Tag } from '../../../components/govuk/Tag'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDateTime } from '../../../lib/format'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { usePageTitle } from '../../../lib/page'
import { useEvent } from '../api/get-event'
import { useRegistrations, type RegistrationsFilter } from '../api/list-registrations'
import { useStaffCancelRegistration } from '../api/staff-cancel-registration'
import {
  isRegistrationStatus,
  REGISTRATION_COLOURS,
  REGISTRATION_NAMES,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '../vocabulary'

/** Everyone who registered for an event, oldest first, with search and a status filter. */
export function RegistrationsPage({ notFound }: { notFound: ReactNode }) {
  const { eventId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const q = params.get('q') ?? ''
  const status = params.get('status')
  const cursor = params.get('cursor')
  const filter: RegistrationsFilter = {
    limit: 50,
    ...(q ? { q } : {}),
    ...(isRegistrationStatus(status) ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const event = useEvent(eventId)
  const registrations = useRegistrations(eventId, filter)
  const [search, setSearch] = useState(q)
  const [statusChoice, setStatusChoice] = useState<RegistrationStatus | ''>(isRegistrationStatus(status) ? status : '')
  const cancel = useStaffCancelRegistration(eventId)
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null)
  const [cancelled, setCancelled] = useState<string | null>(null)
  const confirmRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])
  const title = event.data?.event.title
  usePageTitle(title ? `Registrations – ${title}` : 'Registrations', { error: cancel.isError })

  if (isApiError(registrations.error, 404) || isApiError(event.error, 404)) return <>{notFound}</>

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const next = new URLSearchParams()
    if (search.trim()) next.set('q', search.trim())
    if (statusChoice) next.set('status', statusChoice)
    setParams(next)
  }
  const doCancel = () => {
    if (!confirming) return
    const { id, name } = confirming
    cancel.mutate(id, {
      onSuccess: () => {
        setConfirming(null)
        setCancelled(name)
      },
    })
  }
  const mayCancel = event.data?.event.status === 'published'
  const links = pageLinks(params, previousCursors(location.state), registrations.data?.next_cursor)

  return (
    <>
      <BackLink to={`/staff/events/${eventId}`}>Back to the event</BackLink>
      {cancel.isError && (
        <ErrorSummary
          key={cancel.submittedAt}
          errors={[{ text: isApiError(cancel.error, 409) ? (cancel.error.problem?.detail ?? 'This registration cannot be cancelled.') : 'Sorry, the registration could not be cancelled. Try again later.' }]}
        />
      )}
      {cancelled && (
        <NotificationBanner type="success" heading={`${cancelled}’s registration is cancelled`}>
          <p className="govuk-body">They have been emailed. If anyone was waiting, the first on the waiting list has the place and has been emailed.</p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{title}</span>
      <h1 className="govuk-heading-xl">Registrations</h1>
      {confirming && (
        <div className="govuk-inset-text" ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="confirm-cancel">
          <h2 className="govuk-heading-m" id="confirm-cancel">
            Cancel {confirming.name}’s registration?
          </h2>
          <p className="govuk-body">We will email them. Their place goes to the first person on the waiting list.</p>
          <ButtonGroup>
            <Button type="button" variant="warning" onClick={doCancel} disabled={cancel.isPending}>
              Yes, cancel it
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              No, keep it
            </Button>
          </ButtonGroup>
        </div>
      )}
      {event.data?.event.status === 'published' && (
        <ButtonLink to={`/staff/events/${eventId}/check-in`}>Check people in</ButtonLink>
      )}
      <form onSubmit={submit} noValidate role="search" aria-label="Registrations">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Input id="q" label="Name or email" spellCheck={false} value={search} onChange={setSearch} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select<RegistrationStatus>
              id="status"
              label="Status"
              value={statusChoice}
              onChange={setStatusChoice}
              options={[{ value: '', text: 'All' }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, text: REGISTRATION_NAMES[s] }))]}
            />
          </div>
        </div>
        <Button variant="secondary">Search</Button>
      </form>
      {registrations.isPending && (
        <p className="govuk-body" role="status">
          Loading registrations…
        </p>
      )}
      {registrations.isError && !isApiError(registrations.error, 404) && (
        <p className="govuk-body">Sorry, the registrations cannot be shown right now. Try again later.</p>
      )}
      {registrations.data && registrations.data.items.length === 0 && (
        <p className="govuk-body">{q || status ? 'No one matches that search.' : 'No one has registered yet.'}</p>
      )}
      {registrations.data && registrations.data.items.length > 0 && (
        <Table
          caption="People registered"
          captionHidden
          rows={registrations.data.items}
          rowKey={(r) => r.id}
          firstCellIsHeader
          columns={[
            { header: 'Name', cell: (r) => r.name },
            { header: 'Email address', cell: (r) => r.email },
            { header: 'Phone', cell: (r) => r.phone ?? '' },
            { header: 'Status', cell: (r) => <Tag colour={REGISTRATION_COLOURS[r.status]}>{REGISTRATION_NAMES[r.status]}</Tag> },
            { header: 'Registered', cell: (r) => formatDateTime(r.created_at) },
            { header: 'Needs', cell: (r) => r.access_needs ?? '' },
            ...(mayCancel
              ? [
                  {
                    header: <span className="govuk-visually-hidden">Actions</span>,
                    cell: (r: (typeof registrations.data.items)[number]) =>
                      r.status === 'confirmed' || r.status === 'waitlisted' ? (
                        <button
                          type="button"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          onClick={() => {
                            setCancelled(null)
                            setConfirming({ id: r.id, name: r.name })
                          }}
                        >
                          Cancel<span className="govuk-visually-hidden"> {r.name}’s registration</span>
                        </button>
                      ) : (
                        ''
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {registrations.data && <Pagination label="Pages of registrations" previous={links.previous} next={links.next} />}
    </>
  )
}
