import { Link } from 'react-router'
import { useMe } from '../../../lib/auth/AuthProvider'
import { hasAnyRole, roleLabel, STAFF_ROLES } from '../../../lib/auth/roles'
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
          {hasAnyRole(me.roles, STAFF_ROLES) && (
            <>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="pipeline">
                  Pipeline
                </Link>
                <span className="govuk-body govuk-!-display-block">How many enquiries are at each stage, and how many are overdue.</span>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="enquiries/overdue">
                  Your overdue queue
                </Link>
                <span className="govuk-body govuk-!-display-block">Enquiries assigned to you that are past their target.</span>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="enquiries">
                  Enquiries
                </Link>
                <span className="govuk-body govuk-!-display-block">Find an enquiry by name, reference or postcode; filter by stage or source.</span>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="campaigns">
                  Campaigns
                </Link>
                <span className="govuk-body govuk-!-display-block">Codes and QR codes for leaflets, posters and ambassadors, and what they brought in.</span>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="carers">
                  Carers
                </Link>
                <span className="govuk-body govuk-!-display-block">Approved households: status and terms of approval.</span>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="referrals">
                  Referrals
                </Link>
                <span className="govuk-body govuk-!-display-block">Carers’ referrals, and rewards to mark paid.</span>
              </li>
            </>
          )}
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
