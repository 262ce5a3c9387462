import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { CancelEventPage } from './routes/CancelEventPage'
import { CheckInPage } from './routes/CheckInPage'
import { EditEventPage } from './routes/EditEventPage'
import { NewEventPage } from './routes/NewEventPage'
import { RegistrationsPage } from './routes/RegistrationsPage'
import { ResultsPage } from './routes/ResultsPage'
import { StaffEventPage } from './routes/StaffEventPage'
import { StaffEventsPage } from './routes/StaffEventsPage'

/** The council's events for staff, mounted at `/staff/events`. */
export function StaffEventsRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<StaffEventsPage />} />
      <Route path="new" element={<NewEventPage />} />
      <Route path=":eventId" element={<StaffEventPage notFound={notFound} />} />
      <Route path=":eventId/edit" element={<EditEventPage notFound={notFound} />} />
      <Route path=":eventId/cancel" element={<CancelEventPage notFound={notFound} />} />
      <Route path=":eventId/registrations" element={<RegistrationsPage notFound={notFound} />} />
      <Route path=":eventId/check-in" element={<CheckInPage notFound={notFound} />} />
      <Route path=":eventId/results" element={<ResultsPage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
