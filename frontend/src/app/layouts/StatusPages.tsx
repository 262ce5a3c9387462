import { Link } from 'react-router'
import { usePageTitle } from '../../lib/page'

/** The GOV.UK "page not found" page, in whichever area the address was under. */
export function NotFoundPage({ homeHref, homeText }: { homeHref: string; homeText: string }) {
  usePageTitle('Page not found')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          Go to the{' '}
          <Link className="govuk-link" to={homeHref}>
            {homeText}
          </Link>
          .
        </p>
      </div>
    </div>
  )
}

/** For a signed-in person whose roles do not open this page. */
export function ForbiddenPage({ reason, homeHref }: { reason: string; homeHref: string }) {
  usePageTitle('You cannot see this page')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">You cannot see this page</h1>
        <p className="govuk-body">{reason}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={homeHref}>
            Go back to the start
          </Link>
        </p>
      </div>
    </div>
  )
}

export function LoadingPage({ text = 'Loading…' }: { text?: string }) {
  usePageTitle('Loading')
  return (
    <p className="govuk-body" role="status">
      {text}
    </p>
  )
}
