import type { ReactNode } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { useMe } from '../../lib/auth/AuthProvider'
import { RequireRole } from '../../lib/auth/RequireRole'
import { hasAnyRole } from '../../lib/auth/roles'
import { useCouncil } from '../councils/api/get-council'
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
  const isCouncilReader = hasAnyRole(me.roles, COUNCIL_REPORT_ROLES)
  const isRegionalViewer = !isCouncilReader && hasAnyRole(me.roles, REGIONAL_REPORT_ROLES)
  // `/auth/me` names the viewer's region by id; the slug the regional routes need is the council's region.
  const council = useCouncil(isRegionalViewer ? me.council : undefined)
  if (isCouncilReader) return <CouncilReportsPage />
  if (!isRegionalViewer) return <>{forbidden}</>
  if (council.data?.region) return <Navigate to={`regions/${council.data.region}`} replace />
  if (council.isPending) {
    return (
      <p className="govuk-body" role="status">
        Finding your region…
      </p>
    )
  }
  return <>{forbidden}</>
}
