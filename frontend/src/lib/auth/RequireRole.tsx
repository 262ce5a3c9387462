import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useAuth } from './AuthProvider'
import { hasAnyRole, homeFor, type Role } from './roles'

export interface SignInState {
  /** Why the person is being asked to sign in: a session that ended on its own. */
  ended?: 'expired'
}

export interface DeniedState {
  /** The page a person was turned away from, for a message where they land. */
  deniedFrom?: string
}

/**
 * Guards a route. Nobody signed in: to sign-in, with `next` to come back to. Signed in
 * without a fitting role: `denied` when given (a page inside the area), otherwise to the
 * home of the area the person belongs to.
 */
export function RequireRole({
  anyOf,
  denied,
  checking,
  children,
}: {
  anyOf: readonly Role[]
  denied?: ReactNode
  /** Shown while a page load resumes the session through the refresh cookie. */
  checking?: ReactNode
  children: ReactNode
}) {
  const { state } = useAuth()
  const location = useLocation()
  if (state.status === 'checking') {
    if (checking) return <>{checking}</>
    return (
      <p className="govuk-body" role="status">
        Checking you are signed in…
      </p>
    )
  }
  if (state.status === 'anonymous') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`)
    const signInState: SignInState = state.ended === 'expired' ? { ended: 'expired' } : {}
    return <Navigate to={`/sign-in?next=${next}`} replace state={signInState} />
  }
  if (!hasAnyRole(state.me.roles, anyOf)) {
    if (denied) return <>{denied}</>
    const deniedState: DeniedState = { deniedFrom: location.pathname }
    return <Navigate to={homeFor(state.me.roles)} replace state={deniedState} />
  }
  return <>{children}</>
}
