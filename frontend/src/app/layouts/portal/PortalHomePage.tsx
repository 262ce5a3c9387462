import { Link, useLocation } from 'react-router'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { useMe } from '../../../lib/auth/AuthProvider'
import { hasAnyRole } from '../../../lib/auth/roles'
import type { DeniedState } from '../../../lib/auth/RequireRole'
import { usePageTitle } from '../../../lib/page'

export function PortalHomePage() {
  const me = useMe()
  const denied = (useLocation().state as DeniedState | null)?.deniedFrom
  usePageTitle('Home')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {denied && (
          <NotificationBanner heading="That page is for council staff">
            <p className="govuk-body">We have brought you to the carers’ portal instead.</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-xl">Welcome, {me.display_name}</h1>
        <p className="govuk-body-l">This is your place for support, training and talking to other carers.</p>
        {hasAnyRole(me.roles, ['carer']) && (
          <>
            <h2 className="govuk-heading-m">Your fostering</h2>
            <ul className="govuk-list govuk-list--spaced">
              <li>
                <Link className="govuk-link" to="household">
                  My household
                </Link>
                : who is in it and the terms of your approval
              </li>
              <li>
                <Link className="govuk-link" to="refer-a-friend">
                  Refer a friend
                </Link>
                : your referral code, and your rewards
              </li>
            </ul>
          </>
        )}
        <h2 className="govuk-heading-m">Your account</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="account">
            Change your password or set up an authenticator app
          </Link>
        </p>
      </div>
    </div>
  )
}
