import type { ReactNode } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { useMe } from '../../lib/auth/AuthProvider'
import { RequireRole } from '../../lib/auth/RequireRole'
import { hasAnyRole } from '../../lib/auth/roles'
import { COUNCIL_REPORT_ROLES, REGIONAL_REPORT_ROLES } from './roles'
import { CouncilReportsPage } from './routes/CouncilReportsPage'
import { RegionalReportsPage } from './routes/RegionalReportsPage'
import './reports.css'

/**
 * Reports, mounted at `/staff/reports` in their own chunk: a council's dashboard for its
 * managers and administrators, and `regions/{slug}` for regional viewers, whom the index sends
 * to their region.
 */
export default function ReportsRoutes({ notFound, forbidden }: { notFound: ReactNode; forbidden: ReactNode }) {
  return (
    <Routes>
      <Route index element={<ReportsHome forbidden={forbidden} />} />
      <Route
        path="regions/:slug"
        element={
          <RequireRole anyOf={REGIONAL_REPORT_ROLES} denied={forbidden}>
            <RegionalReportsPage />
          </RequireRole>
        }
      />
      <Route path="*" element={notFound} />
    </Routes>
  )
}

function ReportsHome({ forbidden }: { forbidden: ReactNode }) {
  const me = useMe()
  if (hasAnyRole(me.roles, COUNCIL_REPORT_ROLES)) return <CouncilReportsPage />
  // A regional viewer's dashboard is their region's: `/auth/me` names it by slug.
  if (hasAnyRole(me.roles, REGIONAL_REPORT_ROLES) && me.region_slug) return <Navigate to={`regions/${me.region_slug}`} replace />
  return <>{forbidden}</>
}
