import { Link } from 'react-router'
import { usePageTitle } from '../../../lib/page'

export function SignedOutPage() {
  usePageTitle('You have signed out')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">You have signed out</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in again
          </Link>{' '}
          or go to the{' '}
          <Link className="govuk-link" to="/">
            fostering home page
          </Link>
          .
        </p>
      </div>
    </div>
  )
}
