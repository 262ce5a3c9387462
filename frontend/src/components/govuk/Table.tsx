import type { ReactNode } from 'react'

export interface Column<Row> {
  header: ReactNode
  cell: (row: Row) => ReactNode
  numeric?: boolean
}

interface TableProps<Row> {
  caption: ReactNode
  captionSize?: 'xl' | 'l' | 'm' | 's'
  captionHidden?: boolean
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** The first column's cells are row headers (`<th scope="row">`). */
  firstCellIsHeader?: boolean
}

export function Table<Row>({
  caption,
  captionSize = 'm',
  captionHidden = false,
  columns,
  rows,
  rowKey,
  firstCellIsHeader = false,
}: TableProps<Row>) {
  const captionClass = captionHidden
    ? 'govuk-table__caption govuk-visually-hidden'
    : `govuk-table__caption govuk-table__caption--${captionSize}`
  return (
    <table className="govuk-table">
      <caption className={captionClass}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, index) => (
            <th
              key={index}
              scope="col"
              className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="govuk-table__row">
            {columns.map((column, index) => {
              const className = column.numeric ? 'govuk-table__cell govuk-table__cell--numeric' : 'govuk-table__cell'
              return index === 0 && firstCellIsHeader ? (
                <th key={index} scope="row" className="govuk-table__header">
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={className}>
                  {column.cell(row)}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
