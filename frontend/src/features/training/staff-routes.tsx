import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { CarersPage } from './routes/CarersPage'
import { CarerTrainingPage } from './routes/CarerTrainingPage'
import { CoursesPage } from './routes/CoursesPage'
import { EditCoursePage } from './routes/EditCoursePage'
import { NewCoursePage } from './routes/NewCoursePage'
import { RecordCompletionPage } from './routes/RecordCompletionPage'
import { TrainingHomePage } from './routes/TrainingHomePage'
import { TsdBehindPage } from './routes/TsdBehindPage'

/** Training in the staff workspace, mounted at `/staff/training`. */
export function StaffTrainingRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<TrainingHomePage />} />
      <Route path="tsd" element={<TsdBehindPage />} />
      <Route path="carers" element={<CarersPage />} />
      <Route path="carers/:householdId" element={<CarerTrainingPage notFound={notFound} />} />
      <Route path="carers/:householdId/record-completion" element={<RecordCompletionPage notFound={notFound} />} />
      <Route path="courses" element={<CoursesPage />} />
      <Route path="courses/new" element={<NewCoursePage />} />
      <Route path="courses/:courseId/edit" element={<EditCoursePage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
