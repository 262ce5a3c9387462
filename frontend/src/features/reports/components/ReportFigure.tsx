import { useId, type ReactNode } from 'react'
import { BarChart, type Bar } from './BarChart'

/**
 * A chart with its text alternative: a figure captioned in words, the SVG named for screen
 * readers, and the same figures in the table that follows (`children`).
 */
export function ReportFigure({
  caption,
  bars,
  max,
  note,
  children,
}: {
  caption: string
  bars: readonly Bar[]
  max?: number
  /** A line under the caption, e.g. what a gap means. */
  note?: ReactNode
  children: ReactNode
}) {
  const noteId = useId()
  const hasGap = bars.some((bar) => bar.point.kind === 'gap')
  return (
    <figure className="fh-chart" aria-describedby={note || hasGap ? noteId : undefined}>
      <figcaption className="govuk-heading-s fh-chart__caption">{caption}</figcaption>
      {(note || hasGap) && (
        <p className="govuk-body-s fh-chart__note" id={noteId}>
          {note}
          {note && hasGap ? ' ' : null}
          {hasGap && 'A dashed box is a figure with no bar: one hidden so that nobody can be identified (“fewer than 5”, “withheld” or “not shown”), or one that does not exist. Its words say which.'}
        </p>
      )}
      <BarChart bars={bars} max={max} label={`Bar chart: ${caption}. The same figures are in the table below.`} />
      {children}
    </figure>
  )
}

/** A wide table that scrolls sideways on its own on a narrow screen (and by keyboard). */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fh-report-table" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
