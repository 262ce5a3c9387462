import { ErrorSummary as GovukErrorSummary } from 'govuk-frontend'
import { Link } from 'react-router'
import { useGovukFrontend } from './useGovukFrontend'

export interface SummaryError {
  /** The id of the field to link to; absent for an error about the whole form. */
  href?: string | undefined
  /** A page of the app to go to instead (a question on another page), routed in the app. */
  to?: string | undefined
  text: string
}

/**
 * GOV.UK's error summary. It takes focus when it mounts, so give it a `key` that changes on
 * every failed submit to have it announced again.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: SummaryError[]; title?: string }) {
  const scope = useGovukFrontend<HTMLDivElement>([GovukErrorSummary])
  return (
    <div className="fh-scope" ref={scope}>
      <div className="govuk-error-summary" data-module="govuk-error-summary">
        <div role="alert">
          <h2 className="govuk-error-summary__title">{title}</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error) => (
                <li key={`${error.href ?? error.to ?? ''}:${error.text}`}>
                  {error.to ? <Link to={error.to}>{error.text}</Link> : error.href ? <a href={`#${error.href}`}>{error.text}</a> : error.text}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </div>
  )
}
