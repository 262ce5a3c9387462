import type { ReactNode } from 'react'
import { Table, type Column } from '../../../components/govuk/Table'
import type { ChartPoint } from '../figures'
import { ReportFigure, WideTable } from './ReportFigure'

/**
 * The dashboards' one block: a bar chart of some rows and, under it, the same rows as an
 * accessible table (captioned like the chart, its first cell a row header). `bar` says what
 * each row's bar reads; `wide` lets a many-column table scroll sideways on its own.
 */
export function ChartTable<Row>({
  caption,
  rows,
  rowKey,
  bar,
  columns,
  max,
  note,
  wide = false,
  tableRows,
  tableCaption,
}: {
  caption: string
  rows: readonly Row[]
  rowKey: (row: Row) => string
  bar: (row: Row) => { label: string; point: ChartPoint }
  columns: readonly Column<Row>[]
  /** Fixes the chart's scale (1 for shares). */
  max?: number
  note?: ReactNode
  wide?: boolean
  /** The table's rows when they are not the chart's (e.g. the councils and the region's total). */
  tableRows?: readonly Row[]
  /** The table's own caption, when it says more than the chart's. */
  tableCaption?: string
}) {
  const table = (
    <Table caption={tableCaption ?? caption} captionHidden firstCellIsHeader rows={tableRows ?? rows} rowKey={rowKey} columns={columns} />
  )
  return (
    <ReportFigure caption={caption} max={max} note={note} bars={rows.map((row) => ({ key: rowKey(row), ...bar(row) }))}>
      {wide ? <WideTable label={tableCaption ?? caption}>{table}</WideTable> : table}
    </ReportFigure>
  )
}
