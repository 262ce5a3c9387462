import { Route, Routes } from 'react-router'
import type { NavItem } from '../../../components/govuk/ServiceNavigation'
import { AccountRoutes } from '../../../features/account/routes'
import { UsersRoutes } from '../../../features/admin/routes'
import { useCouncil } from '../../../features/councils/api/get-council'
import { useMe } from '../../../lib/auth/AuthProvider'
import { RequireRole } from '../../../lib/auth/RequireRole'
import { hasAnyRole } from '../../../lib/auth/roles'
import { useBrand } from '../../../lib/brand'
import { AppShell } from '../AppShell'
import { ForbiddenPage, NotFoundPage } from '../StatusPages'
import { StaffHomePage } from './StaffHomePage'

export const STAFF_AREA = 'Staff workspace'

/** The staff workspace, for council staff. Loaded only once someone opens it. */
export default function StaffArea() {
  const me = useMe()
  const council = useCouncil(me.council)
  useBrand(council.data?.brand_colour)
  const notFound = <NotFoundPage homeHref="/staff" homeText="staff workspace home page" />
  const nav: NavItem[] = [{ to: '/staff', text: 'Home', end: true }]
  if (hasAnyRole(me.roles, ['admin'])) nav.push({ to: '/staff/users', text: 'Users' })
  nav.push({ to: '/staff/account', text: 'Your account' }, { to: '/sign-out', text: 'Sign out' })
  return (
    <AppShell area={{ name: STAFF_AREA, council: council.data?.name }} homeHref="/staff" nav={nav}>
      <Routes>
        <Route index element={<StaffHomePage />} />
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
        <Route path="account/*" element={<AccountRoutes notFound={notFound} />} />
        <Route path="*" element={notFound} />
      </Routes>
    </AppShell>
  )
}
