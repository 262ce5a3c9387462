import { Route, Routes } from 'react-router'
import { AccountRoutes } from '../../../features/account/routes'
import { MyReferralPage } from '../../../features/campaigns/routes'
import { MyHouseholdPage } from '../../../features/carers/routes'
import { useCouncil } from '../../../features/councils/api/get-council'
import { PortalEventsRoutes } from '../../../features/events/portal-routes'
import { PortalTrainingRoutes } from '../../../features/training/portal-routes'
import { useMe } from '../../../lib/auth/AuthProvider'
import { RequireRole } from '../../../lib/auth/RequireRole'
import { hasAnyRole } from '../../../lib/auth/roles'
import { useBrand } from '../../../lib/brand'
import { AppShell } from '../AppShell'
import { ForbiddenPage, NotFoundPage } from '../StatusPages'
import { PortalHomePage } from './PortalHomePage'

export const PORTAL_AREA = 'Carers’ portal'

/** The carers' portal, for foster carers and applicants. Loaded only once someone opens it. */
export default function PortalArea() {
  const me = useMe()
  const council = useCouncil(me.council)
  useBrand(council.data?.brand_colour)
  const notFound = <NotFoundPage homeHref="/portal" homeText="carers’ portal home page" />
  const isCarer = hasAnyRole(me.roles, ['carer'])
  const carersOnly = <ForbiddenPage reason="This page is for approved foster carers." homeHref="/portal" />
  return (
    <AppShell
      area={{ name: PORTAL_AREA, council: council.data?.name }}
      homeHref="/portal"
      nav={[
        { to: '/portal', text: 'Home', end: true },
        ...(isCarer
          ? [
              { to: '/portal/household', text: 'My household' },
              { to: '/portal/refer-a-friend', text: 'Refer a friend' },
            ]
          : []),
        { to: '/portal/events', text: 'Events' },
        { to: '/portal/training', text: 'Training' },
        { to: '/portal/account', text: 'Your account' },
        { to: '/sign-out', text: 'Sign out' },
      ]}
    >
      <Routes>
        <Route index element={<PortalHomePage />} />
        <Route path="household" element={<RequireRole anyOf={['carer']} denied={carersOnly}><MyHouseholdPage /></RequireRole>} />
        <Route path="refer-a-friend" element={<RequireRole anyOf={['carer']} denied={carersOnly}><MyReferralPage /></RequireRole>} />
        <Route path="events/*" element={<PortalEventsRoutes notFound={notFound} />} />
        <Route path="training/*" element={<PortalTrainingRoutes notFound={notFound} />} />
        <Route path="account/*" element={<AccountRoutes notFound={notFound} />} />
        <Route path="*" element={notFound} />
      </Routes>
    </AppShell>
  )
}
