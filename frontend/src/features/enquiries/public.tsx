import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { CheckAnswersPage } from './routes/enquire/CheckAnswersPage'
import { CodePage } from './routes/enquire/CodePage'
import { ConsentPage } from './routes/enquire/ConsentPage'
import { ContactPage } from './routes/enquire/ContactPage'
import { HouseholdPage } from './routes/enquire/HouseholdPage'
import { InterestsPage } from './routes/enquire/InterestsPage'
import { NamePage } from './routes/enquire/NamePage'
import { PostcodePage } from './routes/enquire/PostcodePage'
import { SentPage } from './routes/enquire/SentPage'
import { StartPage } from './routes/enquire/StartPage'

/**
 * The public enquiry, mounted at `/enquire` inside an EnquiryJourneyProvider: a start page, one
 * question (or a short section) per page, check your answers, and the confirmation. Without
 * JavaScript, index.html's noscript link leads to the server's plain form, `/enquire/basic`.
 */
export function EnquireRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<StartPage />} />
      <Route path="name" element={<NamePage />} />
      <Route path="contact" element={<ContactPage />} />
      <Route path="postcode" element={<PostcodePage />} />
      <Route path="interests" element={<InterestsPage />} />
      <Route path="household" element={<HouseholdPage />} />
      <Route path="code" element={<CodePage />} />
      <Route path="consent" element={<ConsentPage />} />
      <Route path="check" element={<CheckAnswersPage />} />
      <Route path="sent" element={<SentPage />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
