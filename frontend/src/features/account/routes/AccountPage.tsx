import { useLocation } from 'react-router'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { Tag } from '../../../components/govuk/Tag'
import { roleLabel } from '../../../lib/auth/roles'
import { formatDateTime } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useAccount } from '../api/get-account'

export interface AccountPageState {
  notice?: 'totp-enabled' | 'password-changed'
}

/** Your account: who you are, your password and your authenticator app. */
export function AccountPage() {
  const account = useAccount()
  const location = useLocation()
  const notice = (location.state as AccountPageState | null)?.notice
  usePageTitle('Your account')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice === 'totp-enabled' && (
          <NotificationBanner type="success" heading="Your authenticator app is set up">
            <p className="govuk-body">From now on, signing in asks for a code from the app.</p>
          </NotificationBanner>
        )}
        {notice === 'password-changed' && (
          <NotificationBanner type="success" heading="Your password has been changed">
            <p className="govuk-body">You have been signed out on every other device.</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-xl">Your account</h1>
        {account.isPending && <p className="govuk-body">Loading your account…</p>}
        {account.isError && <p className="govuk-body">Sorry, your account cannot be shown right now.</p>}
        {account.data && (
          <SummaryList
            rows={[
              { key: 'Name', value: account.data.display_name },
              { key: 'Email address', value: account.data.email },
              { key: 'Roles', value: account.data.roles.map(roleLabel).join(', ') },
              {
                key: 'Password',
                value: 'Hidden',
                action: { to: 'password', text: 'Change', visuallyHiddenText: 'password' },
              },
              {
                key: 'Authenticator app',
                value: account.data.totp_enabled ? <Tag colour="green">On</Tag> : <Tag colour="grey">Not set up</Tag>,
                ...(account.data.totp_enabled
                  ? {}
                  : { action: { to: 'authenticator', text: 'Set up', visuallyHiddenText: 'an authenticator app' } }),
              },
              {
                key: 'Last signed in',
                value: account.data.last_login_at ? formatDateTime(account.data.last_login_at) : 'Not yet',
              },
            ]}
          />
        )}
      </div>
    </div>
  )
}
