import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { useAuth } from '../../../lib/auth/AuthProvider'
import { usePageTitle } from '../../../lib/page'

/** Signs out (the server revokes the session's refresh chain) and says so. */
export function SignOutPage() {
  const { signOut } = useAuth()
  const navigate = useNavigate()
  const started = useRef(false)
  usePageTitle('Signing out')
  useEffect(() => {
    if (started.current) return
    started.current = true
    void signOut().finally(() => navigate('/signed-out', { replace: true }))
  }, [signOut, navigate])
  return (
    <p className="govuk-body" role="status">
      Signing out…
    </p>
  )
}
