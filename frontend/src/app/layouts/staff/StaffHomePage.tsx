import { Link } from 'react-router'
import { useMe } from '../../../lib/auth/AuthProvider'
import { hasAnyRole, roleLabel } from '../../../lib/auth/roles'
import { usePageTitle } from '../../../lib/page'

export function StaffHomePage() {
  const me = useMe()
  usePageTitle('Home')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{(me.roles ?? []).map(roleLabel).join(', ')}</span>
        <h1 className="govuk-heading-xl">Hello, {me.display_name}</h1>
        <ul className="govuk-list govuk-list--spaced">
          {hasAnyRole(me.roles, ['admin']) && (
            <li>
              <Link className="govuk-link govuk-link--no-visited-state" to="users">
                Users
              </Link>
              <span className="govuk-body govuk-!-display-block">Add people, and deactivate accounts that are no longer needed.</span>
            </li>
          )}
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" to="account">
              Your account
            </Link>
            <span className="govuk-body govuk-!-display-block">Change your password and set up an authenticator app.</span>
          </li>
        </ul>
      </div>
    </div>
  )
}
