import type { ReactNode } from 'react'
import { Link } from 'react-router'

export interface SummaryRow {
  key: ReactNode
  value: ReactNode
  /** One action link; `visuallyHiddenText` completes its text for screen readers. */
  action?: { to: string; text: string; visuallyHiddenText: string }
}

export function SummaryList({ rows, noBorder = false }: { rows: readonly SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((row) => row.action)
  return (
    <dl className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}`}>
      {rows.map((row, index) => (
        <div
          key={index}
          className={`govuk-summary-list__row${anyActions && !row.action ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action && (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.to}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.visuallyHiddenText}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  )
}
