import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { RequireRole } from '../../lib/auth/RequireRole'
import { ContactAttemptPage } from './routes/ContactAttemptPage'
import { EditEnquiryPage } from './routes/EditEnquiryPage'
import { EnquiriesPage } from './routes/EnquiriesPage'
import { EnquiryPage } from './routes/EnquiryPage'
import { EraseEnquiryPage } from './routes/EraseEnquiryPage'
import { MoveEnquiryPage } from './routes/MoveEnquiryPage'

export { PipelinePage } from './routes/PipelinePage'

/** The enquiries (staff), mounted at `/staff/enquiries`. Erasure is for administrators. */
export function EnquiriesRoutes({ notFound, forbidden }: { notFound: ReactNode; forbidden: ReactNode }) {
  return (
    <Routes>
      <Route index element={<EnquiriesPage />} />
      <Route path="overdue" element={<EnquiriesPage key="overdue" queue="overdue" />} />
      <Route path=":enquiryId" element={<EnquiryPage notFound={notFound} />} />
      <Route path=":enquiryId/move" element={<MoveEnquiryPage notFound={notFound} />} />
      <Route path=":enquiryId/contact" element={<ContactAttemptPage notFound={notFound} />} />
      <Route path=":enquiryId/edit" element={<EditEnquiryPage notFound={notFound} />} />
      <Route
        path=":enquiryId/erase"
        element={
          <RequireRole anyOf={['admin']} denied={forbidden}>
            <EraseEnquiryPage notFound={notFound} />
          </RequireRole>
        }
      />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
