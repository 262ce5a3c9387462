const SECTIONS = [
  ['funnel', 'Recruitment funnel'],
  ['time-in-stage', 'Time in stage'],
  ['sources', 'Sources'],
  ['withdrawals', 'Withdrawals'],
  ['retention', 'Retention'],
  ['ofsted-return', 'Ofsted return'],
] as const

/** Links to each report further down the dashboard. */
export function ReportContents() {
  return (
    <nav className="fh-report-contents" aria-labelledby="report-contents-heading">
      <h2 className="govuk-heading-s" id="report-contents-heading">
        Reports on this page
      </h2>
      <ul className="govuk-list">
        {SECTIONS.map(([id, text]) => (
          <li key={id}>
            <a className="govuk-link" href={`#${id}`}>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
