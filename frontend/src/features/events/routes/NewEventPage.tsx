import { useNavigate } from 'react-router'
import { BackLink } from '../../../components/govuk/Typography'
import { useMe } from '../../../lib/auth/AuthProvider'
import { errorsFromApi, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCreateEvent, type EventCreate } from '../api/create-event'
import { EVENT_API_FIELDS, EventForm, type EventField, type EventFormValues } from '../components/EventForm'
import type { StaffEventState } from './StaffEventPage'

/** Only what was given: the API's defaults stand for the rest. */
export function createBody(values: EventFormValues): EventCreate {
  const body: EventCreate = {
    title: values.title,
    kind: values.kind,
    audience: values.audience,
    starts_at: values.starts_at ?? '',
    ends_at: values.ends_at ?? '',
    status: values.status ?? 'draft',
  }
  if (values.course_id) body.course_id = values.course_id
  if (values.description) body.description = values.description
  if (values.capacity !== null) body.capacity = values.capacity
  if (values.venue) body.venue = values.venue
  if (values.online_url) body.online_url = values.online_url
  if (values.partner_organisation) body.partner_organisation = values.partner_organisation
  if (values.cohosts.length) body.cohosts = values.cohosts
  if (values.cost_pence !== null) body.cost_pence = values.cost_pence
  return body
}

/** Create an event: what, for whom, when (London time), where, how many, co-hosts, cost, and draft or published. */
export function NewEventPage() {
  const create = useCreateEvent()
  const navigate = useNavigate()
  const me = useMe()
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<EventField>()
  usePageTitle('Create an event', { error: hasErrors })

  const submit = (values: EventFormValues) =>
    create.mutate(createBody(values), {
      onSuccess: (event) => {
        const state: StaffEventState = { notice: event.status === 'published' ? 'published' : 'created' }
        navigate(`../${event.id}`, { relative: 'path', state })
      },
      onError: (error) => setErrors(errorsFromApi(error, EVENT_API_FIELDS)),
    })

  return (
    <>
      <BackLink to="..">Back to events</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Create an event</h1>
          <EventForm
            ownCouncil={me.council}
            submitLabel="Create event"
            pending={create.isPending}
            errors={errors}
            setErrors={setErrors}
            attempt={attempt}
            cancelTo=".."
            onSubmit={submit}
          />
        </div>
      </div>
    </>
  )
}
