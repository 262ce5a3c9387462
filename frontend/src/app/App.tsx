import { lazy, Suspense, type ReactNode } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { RequireRole } from '../lib/auth/RequireRole'
import { PORTAL_ROLES, STAFF_AREA_ROLES } from '../lib/auth/roles'
import { AppShell } from './layouts/AppShell'
import { PublicArea } from './layouts/public/PublicArea'
import { LoadingPage } from './layouts/StatusPages'
import { Providers } from './providers'
import { RouteFocus } from './RouteFocus'

// The portal and the staff workspace are separate chunks: the public site never loads them.
const PortalArea = lazy(() => import('./layouts/portal/PortalArea'))
const StaffArea = lazy(() => import('./layouts/staff/StaffArea'))

function Waiting({ area, text }: { area: string; text: string }) {
  return (
    <AppShell area={{ name: area }} homeHref="/" nav={[]}>
      <LoadingPage text={text} />
    </AppShell>
  )
}

function Area({ name, roles, children }: { name: string; roles: Parameters<typeof RequireRole>[0]['anyOf']; children: ReactNode }) {
  return (
    <RequireRole anyOf={roles} checking={<Waiting area={name} text="Checking you are signed in…" />}>
      <Suspense fallback={<Waiting area={name} text="Loading…" />}>{children}</Suspense>
    </RequireRole>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/portal/*"
        element={
          <Area name="Carers’ portal" roles={PORTAL_ROLES}>
            <PortalArea />
          </Area>
        }
      />
      <Route
        path="/staff/*"
        element={
          <Area name="Staff workspace" roles={STAFF_AREA_ROLES}>
            <StaffArea />
          </Area>
        }
      />
      <Route path="/*" element={<PublicArea />} />
    </Routes>
  )
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <RouteFocus />
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  )
}
