import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import type { NavItem } from '../../../components/govuk/ServiceNavigation'
import { AccountRoutes } from '../../../features/account/routes'
import { CouncilSettingsPage, UsersRoutes } from '../../../features/admin/routes'
import { CampaignsRoutes, ReferralsRoutes } from '../../../features/campaigns/routes'
import { CarersRoutes } from '../../../features/carers/routes'
import { useCouncil } from '../../../features/councils/api/get-council'
import { EnquiriesRoutes, PipelinePage } from '../../../features/enquiries/routes'
import { StaffEventsRoutes } from '../../../features/events/staff-routes'
import { StaffTrainingRoutes } from '../../../features/training/staff-routes'
import { REPORT_ROLES } from '../../../features/reports/roles'
import { useMe } from '../../../lib/auth/AuthProvider'
import { RequireRole } from '../../../lib/auth/RequireRole'
import { hasAnyRole, STAFF_ROLES } from '../../../lib/auth/roles'
import { useBrand } from '../../../lib/brand'
import { AppShell } from '../AppShell'
import { ForbiddenPage, LoadingPage, NotFoundPage } from '../StatusPages'
import { StaffHomePage } from './StaffHomePage'

export const STAFF_AREA = 'Staff workspace'

// Reports (and their charts) are a chunk of their own, loaded when someone opens them.
const ReportsRoutes = lazy(() => import('../../../features/reports/routes'))

/** Administrators change the council's settings; managers read them. */
const SETTINGS_ROLES = ['admin', 'manager'] as const

/** Recruitment's screens are for the council's own staff, not regional viewers. */
function RecruitmentOnly({ children }: { children: ReactNode }) {
  return (
    <RequireRole anyOf={STAFF_ROLES} denied={<ForbiddenPage reason="Only your council’s staff can see enquiries, campaigns and carers." homeHref="/staff" />}>
      {children}
    </RequireRole>
  )
}

/** The staff workspace, for council staff. Loaded only once someone opens it. */
export default function StaffArea() {
  const me = useMe()
  const council = useCouncil(me.council)
  useBrand(council.data?.brand_colour)
  const notFound = <NotFoundPage homeHref="/staff" homeText="staff workspace home page" />
  const reportsForbidden = (
    <ForbiddenPage reason="Only your council’s managers and administrators, and regional viewers for their own region, can see reports." homeHref="/staff" />
  )
  const nav: NavItem[] = [{ to: '/staff', text: 'Home', end: true }]
  if (hasAnyRole(me.roles, STAFF_ROLES))
    nav.push(
      { to: '/staff/pipeline', text: 'Pipeline' },
      { to: '/staff/enquiries', text: 'Enquiries' },
      { to: '/staff/campaigns', text: 'Campaigns' },
      { to: '/staff/carers', text: 'Carers' },
    )
  if (hasAnyRole(me.roles, REPORT_ROLES)) nav.push({ to: '/staff/reports', text: 'Reports' })
  if (hasAnyRole(me.roles, STAFF_ROLES)) nav.push({ to: '/staff/events', text: 'Events' }, { to: '/staff/training', text: 'Training' })
  if (hasAnyRole(me.roles, ['admin'])) nav.push({ to: '/staff/users', text: 'Users' })
  if (hasAnyRole(me.roles, SETTINGS_ROLES)) nav.push({ to: '/staff/settings', text: 'Settings' })
  nav.push({ to: '/staff/account', text: 'Your account' }, { to: '/sign-out', text: 'Sign out' })
  return (
    <AppShell area={{ name: STAFF_AREA, council: council.data?.name }} homeHref="/staff" nav={nav}>
      <Routes>
        <Route index element={<StaffHomePage />} />
        <Route path="pipeline" element={<RecruitmentOnly><PipelinePage /></RecruitmentOnly>} />
        <Route
          path="enquiries/*"
          element={
            <RecruitmentOnly>
              <EnquiriesRoutes
                notFound={notFound}
                forbidden={<ForbiddenPage reason="Only your council’s administrators can erase a person’s details." homeHref="/staff/enquiries" />}
              />
            </RecruitmentOnly>
          }
        />
        <Route path="campaigns/*" element={<RecruitmentOnly><CampaignsRoutes notFound={notFound} /></RecruitmentOnly>} />
        <Route path="referrals/*" element={<RecruitmentOnly><ReferralsRoutes notFound={notFound} /></RecruitmentOnly>} />
        <Route path="carers/*" element={<RecruitmentOnly><CarersRoutes notFound={notFound} /></RecruitmentOnly>} />
        <Route
          path="users/*"
          element={
            <RequireRole
              anyOf={['admin']}
              denied={<ForbiddenPage reason="Only your council’s administrators can manage users." homeHref="/staff" />}
            >
              <UsersRoutes notFound={notFound} />
            </RequireRole>
          }
        />
        <Route
          path="settings"
          element={
            <RequireRole
              anyOf={SETTINGS_ROLES}
              denied={<ForbiddenPage reason="Only your council’s administrators and managers can see its settings." homeHref="/staff" />}
            >
              <CouncilSettingsPage />
            </RequireRole>
          }
        />
        <Route
          path="reports/*"
          element={
            <RequireRole anyOf={REPORT_ROLES} denied={reportsForbidden}>
              <Suspense fallback={<LoadingPage text="Loading reports…" />}>
                <ReportsRoutes notFound={notFound} forbidden={reportsForbidden} />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="events/*"
          element={
            <RequireRole anyOf={STAFF_ROLES} denied={<ForbiddenPage reason="Only your council’s staff can manage events." homeHref="/staff" />}>
              <StaffEventsRoutes notFound={notFound} />
            </RequireRole>
          }
        />
        <Route
          path="training/*"
          element={
            <RequireRole anyOf={STAFF_ROLES} denied={<ForbiddenPage reason="Only your council’s staff can see carers’ training." homeHref="/staff" />}>
              <StaffTrainingRoutes notFound={notFound} />
            </RequireRole>
          }
        />
        <Route path="account/*" element={<AccountRoutes notFound={notFound} />} />
        <Route path="*" element={notFound} />
      </Routes>
    </AppShell>
  )
}
