import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { CampaignPage } from './routes/CampaignPage'
import { CampaignsPage } from './routes/CampaignsPage'
import { NewCampaignPage } from './routes/NewCampaignPage'
import { ReferralPage } from './routes/ReferralPage'
import { ReferralsPage } from './routes/ReferralsPage'

export { MyReferralPage } from './routes/MyReferralPage'

/** Campaigns and ambassadors' codes (staff), mounted at `/staff/campaigns`. */
export function CampaignsRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<CampaignsPage />} />
      <Route path="new" element={<NewCampaignPage />} />
      <Route path=":campaignId" element={<CampaignPage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}

/** Carers' referrals and rewards (staff), mounted at `/staff/referrals`. */
export function ReferralsRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<ReferralsPage />} />
      <Route path=":referralId" element={<ReferralPage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
