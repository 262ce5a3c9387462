import { Link } from 'react-router'
import type { Schemas } from '../../../api/client'
import { Table } from '../../../components/govuk/Table'
import { useMe } from '../../../lib/auth/AuthProvider'
import { channelName } from '../../../lib/vocabulary'
import { useStaff } from '../api/list-staff'
import { whoIs } from './people'
import { OverdueTag, StageTag } from './StageTag'

// Tables are narrow: "5 Jan 2027", as GOV.UK allows where space is short.
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' })
function formatShortDate(value: string): string {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : shortDate.format(date).replace(/Sept/, 'Sep')
}

/** A page of enquiries: reference, person, stage, where they came from, when, and whose. */
export function EnquiryTable({ caption, rows }: { caption: string; rows: readonly Schemas['EnquirySummary'][] }) {
  const me = useMe()
  const staff = useStaff()
  return (
    <Table
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(row) => row.id}
      firstCellIsHeader
      columns={[
        {
          header: 'Reference',
          cell: (row) => (
            <Link className="govuk-link fh-nowrap" to={`/staff/enquiries/${row.id}`}>
              {row.reference}
              <span className="govuk-visually-hidden">, {row.first_name} {row.last_name}</span>
            </Link>
          ),
        },
        { header: 'Name', cell: (row) => `${row.first_name} ${row.last_name}` },
        {
          header: 'Stage',
          cell: (row) => (
            <>
              <StageTag stage={row.stage} />
              {row.is_overdue && (
                <>
                  {' '}
                  <OverdueTag />
                </>
              )}
            </>
          ),
        },
        { header: 'Came from', cell: (row) => channelName(row.channel) },
        { header: 'Received', cell: (row) => <span className="fh-nowrap">{formatShortDate(row.received_at)}</span> },
        { header: 'Next step due', cell: (row) => (row.due_at ? <span className="fh-nowrap">{formatShortDate(row.due_at)}</span> : '–') },
        { header: 'Assigned to', cell: (row) => whoIs(row.assigned_to, me.id, staff.data) },
      ]}
    />
  )
}
