import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'

/**
 * One report on a dashboard: a heading, what it counts, its figures once loaded (or why not),
 * and its download button.
 */
export function ReportSection<T>({
  id,
  title,
  description,
  query,
  controls,
  download,
  children,
}: {
  id: string
  title: string
  description: ReactNode
  query: UseQueryResult<T>
  controls?: ReactNode
  download: ReactNode
  children: (data: T) => ReactNode
}) {
  return (
    <section className="fh-report" id={id} aria-labelledby={`${id}-heading`}>
      <h2 className="govuk-heading-l" id={`${id}-heading`}>
        {title}
      </h2>
      <div className="govuk-body">{description}</div>
      {controls}
      {query.isPending && (
        <p className="govuk-body" role="status">
          Loading the {title.toLowerCase()}…
        </p>
      )}
      {query.isError && <p className="govuk-body">Sorry, the {title.toLowerCase()} cannot be shown right now. Try again later.</p>}
      {query.data !== undefined && children(query.data)}
      {download}
    </section>
  )
}
