import type { ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { BackLink, InsetText } from '../../../components/govuk/Typography'
import { useMe } from '../../../lib/auth/AuthProvider'
import { errorsFromApi, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useEvent } from '../api/get-event'
import { useUpdateEvent, type EventPatch } from '../api/update-event'
import { EVENT_API_FIELDS, EventForm, type EventField, type EventFormValues } from '../components/EventForm'
import type { StaffEventState } from './StaffEventPage'

/** Every field, `null` clearing what was emptied; times only when they were changed. */
export function patchBody(values: EventFormValues): EventPatch {
  const { status: _status, ...rest } = values
  return rest
}

/**
 * Change an event (the hosting council's staff). Saved with the ETag it was read with, so a
 * change someone else made meanwhile is not overwritten. A new time or place of a published
 * event is emailed to everyone registered or waiting.
 */
export function EditEventPage({ notFound }: { notFound: ReactNode }) {
  const { eventId = '' } = useParams()
  const query = useEvent(eventId)
  const update = useUpdateEvent(eventId)
  const navigate = useNavigate()
  const me = useMe()
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<EventField>()
  const event = query.data?.event
  usePageTitle(event ? `Change – ${event.title}` : 'Change event', { error: hasErrors })

  if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <>{notFound}</>
  if (query.isError) return <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!event || !query.data)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  const back = `/staff/events/${event.id}`
  if (!event.staff?.is_host || event.status === 'cancelled')
    return (
      <>
        <BackLink to={back}>Back to the event</BackLink>
        <h1 className="govuk-heading-xl">Change event</h1>
        <InsetText>{event.status === 'cancelled' ? 'A cancelled event cannot be changed.' : `Only ${event.council.name}, which runs this event, can change it.`}</InsetText>
      </>
    )

  const etag = query.data.etag ?? ''
  const submit = (values: EventFormValues) =>
    update.mutate(
      { body: patchBody(values), etag },
      {
        onSuccess: () => {
          const state: StaffEventState = { notice: 'updated' }
          navigate(back, { state })
        },
        onError: (error) =>
          setErrors(
            isApiError(error, 412)
              ? { form: 'Someone else changed this event while you were editing. Your changes are not saved: check the event and try again.' }
              : errorsFromApi(error, EVENT_API_FIELDS),
          ),
      },
    )

  return (
    <>
      <BackLink to={back}>Back to the event</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{event.title}</span>
          <h1 className="govuk-heading-xl">Change event</h1>
          <EventForm
            key={etag}
            initial={event}
            ownCouncil={me.council}
            submitLabel="Save changes"
            pending={update.isPending}
            errors={errors}
            setErrors={setErrors}
            attempt={attempt}
            cancelTo={back}
            onSubmit={submit}
          />
        </div>
      </div>
    </>
  )
}
