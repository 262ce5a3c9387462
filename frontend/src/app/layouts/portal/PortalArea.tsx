import { Route, Routes } from 'react-router'
import { AccountRoutes } from '../../../features/account/routes'
import { useCouncil } from '../../../features/councils/api/get-council'
import { useMe } from '../../../lib/auth/AuthProvider'
import { useBrand } from '../../../lib/brand'
import { AppShell } from '../AppShell'
import { NotFoundPage } from '../StatusPages'
import { PortalHomePage } from './PortalHomePage'

export const PORTAL_AREA = 'Carers’ portal'

/** The carers' portal, for foster carers and applicants. Loaded only once someone opens it. */
export default function PortalArea() {
  const me = useMe()
  const council = useCouncil(me.council)
  useBrand(council.data?.brand_colour)
  const notFound = <NotFoundPage homeHref="/portal" homeText="carers’ portal home page" />
  return (
    <AppShell
      area={{ name: PORTAL_AREA, council: council.data?.name }}
      homeHref="/portal"
      nav={[
        { to: '/portal', text: 'Home', end: true },
        { to: '/portal/account', text: 'Your account' },
        { to: '/sign-out', text: 'Sign out' },
      ]}
    >
      <Routes>
        <Route index element={<PortalHomePage />} />
        <Route path="account/*" element={<AccountRoutes notFound={notFound} />} />
        <Route path="*" element={notFound} />
      </Routes>
    </AppShell>
  )
}
