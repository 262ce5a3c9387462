/** The public events pages, a chunk of their own that the public site loads on first visit. */
import type { ReactNode } from 'react'
import { Navigate, Route, Routes, useParams } from 'react-router'
import { isApiError } from '../../api/problems'
import { useEvent } from './api/get-event'
import { CancelRegistrationPage } from './routes/CancelRegistrationPage'
import { EventPage } from './routes/EventPage'
import { EventsPage } from './routes/EventsPage'
import { RegisterPage } from './routes/RegisterPage'

/** `/events/{id}` (the address in emails and the iCalendar feed): to the page under its council. */
function ToCouncilEvent({ notFound }: { notFound: ReactNode }) {
  const { eventId = '', '*': rest } = useParams()
  const query = useEvent(eventId)
  if (query.isError) return isApiError(query.error, 404) || isApiError(query.error, 422) ? <>{notFound}</> : <p className="govuk-body">Sorry, this event cannot be shown right now. Try again later.</p>
  if (!query.data)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  const { event } = query.data
  return <Navigate replace to={`/councils/${event.council.slug}/events/${event.id}${rest ? `/${rest}` : ''}`} />
}

/** Mounted at `/events`: every council's events, cancellation links, and event addresses. */
export default function EventsPublicRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path="registrations/cancel" element={<CancelRegistrationPage notFound={notFound} />} />
      <Route path=":eventId/*" element={<ToCouncilEvent notFound={notFound} />} />
    </Routes>
  )
}

/** Mounted at `/councils/{slug}/events`: the council's events, each event and registering. */
export function CouncilEventsRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path=":eventId" element={<EventPage notFound={notFound} />} />
      <Route path=":eventId/register" element={<RegisterPage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
