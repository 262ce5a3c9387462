import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink, Panel } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useEvent } from '../api/get-event'
import { useRegister } from '../api/register'
import { whenText } from '../london-time'
import { isOpen, listedBy } from './EventPage'

type Field = 'name' | 'email' | 'phone' | 'access-needs'
const FIELDS: readonly Field[] = ['name', 'email', 'phone', 'access-needs']
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The registration form (name, email, phone optional), then a place or the waiting list. */
export function RegisterPage({ notFound }: { notFound: ReactNode }) {
  const { slug, eventId = '' } = useParams()
  const query = useEvent(eventId)
  const register = useRegister(eventId)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [phone, setPhone] = useState('')
  const [accessNeeds, setAccessNeeds] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  const receipt = register.data
  const event = query.data?.event
  usePageTitle(
    receipt ? (receipt.status === 'confirmed' ? 'Registration confirmed' : 'You are on the waiting list') : event ? `Register for ${event.title}` : 'Register',
    { error: hasErrors },
  )

  if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <>{notFound}</>
  if (query.isError) return <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!event)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  if (!listedBy(event, slug)) return <Navigate replace to={`/councils/${event.council.slug}/events/${event.id}/register`} />
  const eventHref = `/councils/${slug}/events/${event.id}`

  if (receipt) {
    const confirmed = receipt.status === 'confirmed'
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title={confirmed ? 'Registration confirmed' : 'You are on the waiting list'}>
            {confirmed ? (
              <>You have a place at {event.title}</>
            ) : (
              <>
                {event.title} is full. You are number <strong>{receipt.waitlist_position}</strong> on the waiting list
              </>
            )}
          </Panel>
          <p className="govuk-body">We have sent an email to {email.trim()}.</p>
          <h2 className="govuk-heading-m">What happens next</h2>
          {confirmed ? (
            <p className="govuk-body">
              See you on {whenText(event.starts_at, event.ends_at)}. We will email you a reminder the day before
              {event.is_online ? ', with the joining link' : ''}.
            </p>
          ) : (
            <p className="govuk-body">
              If someone cancels, the first person on the waiting list gets their place and we email them straight away.
            </p>
          )}
          <p className="govuk-body">If you cannot come, use the link in the email to cancel, so someone else can have your place.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={eventHref}>
              Back to the event
            </Link>
          </p>
        </div>
      </div>
    )
  }

  if (!isOpen(event)) return <Navigate replace to={eventHref} />

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    const found: FormErrors<Field> = {}
    if (!name.trim()) found.name = 'Enter your full name'
    if (!email.trim()) found.email = 'Enter your email address'
    else if (!EMAIL.test(email.trim())) found.email = 'Enter an email address in the correct format, like name@example.org'
    if (phone.trim() && !/^[0-9 +()-]{10,20}$/.test(phone.trim()))
      found.phone = 'Enter a UK phone number, like 01632 960 001 or 07700 900 982'
    setErrors(found)
    if (Object.keys(found).length) return
    register.mutate(
      {
        name: name.trim(),
        email: email.trim(),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(accessNeeds.trim() ? { access_needs: accessNeeds.trim() } : {}),
      },
      {
        onError: (error) => {
          if (isApiError(error, 409) && error.type === 'already-registered')
            setErrors({ email: 'This email address is already registered for this event' })
          else if (isApiError(error, 409)) setErrors({ form: 'Sorry, this event is no longer taking registrations.' })
          else if (isApiError(error, 429)) setErrors({ form: 'You have tried too many times. Wait a minute and try again.' })
          else
            setErrors(errorsFromApi(error, { name: 'name', email: 'email', phone: 'phone', access_needs: 'access-needs' }))
        },
      },
    )
  }

  return (
    <>
      <BackLink to={eventHref}>Back</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <span className="govuk-caption-l">{event.title}</span>
          <h1 className="govuk-heading-xl">{event.is_full ? 'Join the waiting list' : 'Register for this event'}</h1>
          <p className="govuk-body">{whenText(event.starts_at, event.ends_at)}</p>
          {event.is_full && (
            <p className="govuk-body">This event is full. We will email you if a place comes up.</p>
          )}
          <form onSubmit={submit} noValidate>
            <Input id="name" label="Full name" autoComplete="name" spellCheck={false} error={errors.name} value={name} onChange={setName} />
            <Input
              id="email"
              label="Email address"
              type="email"
              autoComplete="email"
              spellCheck={false}
              hint="We will send your confirmation here"
              error={errors.email}
              value={email}
              onChange={setEmail}
            />
            <Input
              id="phone"
              label="Phone number (optional)"
              type="tel"
              autoComplete="tel"
              width="20"
              hint="In case we need to tell you about a change on the day"
              error={errors.phone}
              value={phone}
              onChange={setPhone}
            />
            <Textarea
              id="access-needs"
              label="Is there anything we should arrange for you? (optional)"
              hint="For example, step-free access, a hearing loop or an interpreter"
              error={errors['access-needs']}
              value={accessNeeds}
              onChange={setAccessNeeds}
              rows={3}
            />
            <p className="govuk-body">
              We use your details only to organise this event and to tell you about changes to it.
            </p>
            <Button disabled={register.isPending}>{event.is_full ? 'Join the waiting list' : 'Register'}</Button>
          </form>
        </div>
      </div>
    </>
  )
}
