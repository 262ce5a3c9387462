import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { MyTrainingPage } from './routes/MyTrainingPage'
import { TrainingSessionsPage } from './routes/TrainingSessionsPage'

/** Training in the carers' portal, mounted at `/portal/training`. */
export function PortalTrainingRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<TrainingSessionsPage />} />
      <Route path="record" element={<MyTrainingPage />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
