import { useState, type FormEvent, type ReactNode } from 'react'
import { useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { Tag } from '../../../components/govuk/Tag'
import { BackLink, InsetText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useCheckIn } from '../api/check-in'
import { useEvent } from '../api/get-event'
import { useRegistrations } from '../api/list-registrations'
import { useMarkNoShows } from '../api/mark-no-shows'
import { useUndoAttendance } from '../api/undo-attendance'
import '../components/check-in.css'
import { londonDay } from '../london-time'
import { REGISTRATION_COLOURS, REGISTRATION_NAMES } from '../vocabulary'

/**
 * The check-in desk on the day, made for a phone: find someone by name or email, then check
 * them in or mark that they did not come, one large button each.
 */
export function CheckInPage({ notFound }: { notFound: ReactNode }) {
  const { eventId = '' } = useParams()
  const event = useEvent(eventId)
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const people = useRegistrations(eventId, { limit: 200, ...(q ? { q } : {}) })
  const checkIn = useCheckIn(eventId)
  const noShow = useMarkNoShows(eventId)
  const undo = useUndoAttendance(eventId)
  const [done, setDone] = useState('')
  const [confirmAll, setConfirmAll] = useState(false)
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null)
  const title = event.data?.event.title
  usePageTitle(title ? `Check in – ${title}` : 'Check in', { error: Boolean(problem) })

  if (isApiError(event.error, 404) || isApiError(people.error, 404)) return <>{notFound}</>
  if (event.isError) return <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!event.data)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  const { event: details } = event.data
  const now = new Date()
  const opensLater = londonDay(now) < londonDay(details.starts_at)
  const closed = details.status !== 'published'
  const started = now.getTime() >= new Date(details.starts_at).getTime()
  const list = (people.data?.items ?? []).filter((person) => person.status !== 'cancelled')

  const failed = (error: unknown, fallback: string) =>
    setProblem({ text: isApiError(error, 409) ? (error.problem?.detail ?? fallback) : fallback, at: Date.now() })
  const doCheckIn = (id: string, name: string) => {
    setProblem(null)
    checkIn.mutate(id, {
      onSuccess: () => setDone(`${name} is checked in`),
      onError: (error) => failed(error, `Sorry, ${name} could not be checked in. Try again.`),
    })
  }
  const doNoShow = (id: string, name: string) => {
    setProblem(null)
    noShow.mutate([id], {
      onSuccess: () => setDone(`${name} is marked as not coming`),
      onError: (error) => failed(error, `Sorry, ${name} could not be marked. Try again.`),
    })
  }
  const doUndo = (id: string, name: string, status: 'attended' | 'no_show') => {
    setProblem(null)
    undo.mutate(
      { registrationId: id, undo: status },
      {
        onSuccess: () => setDone(status === 'attended' ? `${name}’s check-in is undone` : `${name} is no longer marked as not coming`),
        onError: (error) => failed(error, `Sorry, that could not be undone for ${name}. Try again.`),
      },
    )
  }
  const doNoShowEveryone = () => {
    setProblem(null)
    setConfirmAll(false)
    noShow.mutate(null, {
      onSuccess: (result) =>
        setDone(result.marked === 1 ? '1 person is marked as not coming' : `${result.marked} people are marked as not coming`),
      onError: (error) => failed(error, 'Sorry, they could not be marked. Try again.'),
    })
  }
  const find = (submitted: FormEvent) => {
    submitted.preventDefault()
    setQ(search.trim())
  }
  const busy = checkIn.isPending || noShow.isPending || undo.isPending
  const attended = list.filter((p) => p.status === 'attended').length
  const expected = list.filter((p) => p.status !== 'waitlisted').length

  return (
    <div className="fh-check-in">
      <BackLink to={`/staff/events/${eventId}`}>Back to the event</BackLink>
      {problem && <ErrorSummary key={problem.at} errors={[{ text: problem.text }]} />}
      <span className="govuk-caption-l">{details.title}</span>
      <h1 className="govuk-heading-xl">Check in</h1>
      {closed && <InsetText>This event is {details.status === 'cancelled' ? 'cancelled' : 'not published'}: no one can be checked in.</InsetText>}
      {!closed && opensLater && <InsetText>Check-in opens on the day of the event.</InsetText>}
      <p className="govuk-body" role="status">
        {done ? `${done}. ` : ''}
        {people.data ? `${attended} of ${expected} checked in.` : ''}
      </p>
      <form onSubmit={find} noValidate role="search" aria-label="Registrations" className="fh-check-in__search">
        <Input id="q" label="Find someone" hint="Part of their name or email address" spellCheck={false} autoComplete="off" value={search} onChange={setSearch} />
        <Button variant="secondary">Find</Button>
      </form>
      {people.isPending && (
        <p className="govuk-body" role="status">
          Loading people…
        </p>
      )}
      {people.data && list.length === 0 && <p className="govuk-body">{q ? 'No one matches that search.' : 'No one has registered.'}</p>}
      <ul className="fh-check-in__list" aria-label="People registered">
        {list.map((person) => (
          <li key={person.id} className="fh-check-in__person">
            <h2 className="govuk-heading-m fh-check-in__name">{person.name}</h2>
            <p className="govuk-body govuk-!-margin-bottom-2">
              <Tag colour={REGISTRATION_COLOURS[person.status]}>{REGISTRATION_NAMES[person.status]}</Tag>{' '}
              <span className="govuk-body-s">{person.email}</span>
            </p>
            {person.access_needs && <p className="govuk-body-s">Needs: {person.access_needs}</p>}
            {!closed && !opensLater && person.status !== 'attended' && person.status !== 'waitlisted' && (
              <Button type="button" onClick={() => doCheckIn(person.id, person.name)} disabled={busy}>
                Check in<span className="govuk-visually-hidden"> {person.name}</span>
              </Button>
            )}
            {!closed && started && person.status === 'confirmed' && (
              <Button type="button" variant="secondary" onClick={() => doNoShow(person.id, person.name)} disabled={busy}>
                Did not come<span className="govuk-visually-hidden">: {person.name}</span>
              </Button>
            )}
            {!closed && (person.status === 'attended' || person.status === 'no_show') && (
              <Button type="button" variant="secondary" onClick={() => doUndo(person.id, person.name, person.status as 'attended' | 'no_show')} disabled={busy}>
                {person.status === 'attended' ? 'Undo check-in' : 'Undo did not come'}
                <span className="govuk-visually-hidden">: {person.name}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!closed && started && !q && list.some((p) => p.status === 'confirmed') && (
        <div className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m">Everyone else</h2>
          {confirmAll ? (
            <>
              <p className="govuk-body">Mark everyone with a place who has not been checked in as not coming? You can undo it for each person.</p>
              <Button type="button" variant="warning" onClick={doNoShowEveryone} disabled={busy}>
                Yes, mark them as not coming
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmAll(false)}>
                No, go back
              </Button>
            </>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirmAll(true)} disabled={busy}>
              Mark everyone not checked in as not coming
            </Button>
          )}
        </div>
      )}
    </div>
  )
}
