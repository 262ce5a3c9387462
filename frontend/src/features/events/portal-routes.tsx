import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { CarerEventsPage } from './routes/CarerEventsPage'

/** Events for carers and applicants in the portal, mounted at `/portal/events`. */
export function PortalEventsRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<CarerEventsPage />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
