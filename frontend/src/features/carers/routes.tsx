import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { CarerPage } from './routes/CarerPage'
import { CarersPage } from './routes/CarersPage'
import { CarerStatusPage } from './routes/CarerStatusPage'
import { CarerTermsPage } from './routes/CarerTermsPage'

export { MyHouseholdPage } from './routes/MyHouseholdPage'

/** Carer households (staff), mounted at `/staff/carers`. */
export function CarersRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<CarersPage />} />
      <Route path=":householdId" element={<CarerPage notFound={notFound} />} />
      <Route path=":householdId/status" element={<CarerStatusPage notFound={notFound} />} />
      <Route path=":householdId/terms" element={<CarerTermsPage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
