import { Table } from '../../../components/govuk/Table'
import { Tag } from '../../../components/govuk/Tag'
import { InsetText } from '../../../components/govuk/Typography'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { formatDate } from '../../../lib/format'
import { STATE_COLOURS, STATE_NAMES, type TrainingRecord } from '../vocabulary'
import { SessionWhen } from './SessionWhen'

/**
 * A training record: progress on the TSD standards, each course with its expiry, the sessions
 * booked and every completion. `who` is "You" in the portal and the household's name for staff.
 */
export function TrainingRecordView({ record, own }: { record: TrainingRecord; own: boolean }) {
  const { tsd } = record
  return (
    <>
      {tsd && (
        <section aria-labelledby="tsd-heading">
          <h2 className="govuk-heading-m" id="tsd-heading">
            Training, Support and Development Standards
          </h2>
          <SummaryList
            rows={[
              {
                key: 'Progress',
                value: (
                  <>
                    {tsd.completed} of {tsd.required} courses done{' '}
                    {tsd.is_complete ? <Tag colour="green">Complete</Tag> : tsd.is_overdue ? <Tag colour="red">Overdue</Tag> : null}
                  </>
                ),
              },
              { key: 'Due by', value: formatDate(tsd.due_on) },
              ...(tsd.missing.length
                ? [
                    {
                      key: 'Still to do',
                      value: (
                        <ul className="govuk-list govuk-list--bullet">
                          {tsd.missing.map((name) => (
                            <li key={name}>{name}</li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      )}

      <h2 className="govuk-heading-m">Courses</h2>
      {record.courses.length === 0 ? (
        <p className="govuk-body">The council has no courses yet.</p>
      ) : (
        <Table
          caption={own ? 'Your courses and when they expire' : 'Courses and when they expire'}
          captionHidden
          rows={record.courses}
          rowKey={(c) => c.course_id}
          firstCellIsHeader
          columns={[
            { header: 'Course', cell: (c) => (c.is_tsd ? <>{c.name} <span className="govuk-body-s">(TSD)</span></> : c.name) },
            { header: 'Status', cell: (c) => <Tag colour={STATE_COLOURS[c.state]}>{STATE_NAMES[c.state]}</Tag> },
            { header: 'Completed', cell: (c) => (c.completed_on ? formatDate(c.completed_on) : '') },
            { header: 'Expires', cell: (c) => (c.expires_on ? formatDate(c.expires_on) : c.completed_on ? 'Does not expire' : '') },
          ]}
        />
      )}

      <h2 className="govuk-heading-m">Booked sessions</h2>
      {record.upcoming.length === 0 ? (
        <p className="govuk-body">{own ? 'You have no sessions booked.' : 'No sessions booked.'}</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {record.upcoming.map((booking) => (
            <li key={booking.registration_id}>
              <span className="govuk-!-font-weight-bold">{booking.event.title}</span>
              <br />
              <SessionWhen event={booking.event} />{' '}
              {booking.status === 'confirmed' ? <Tag colour="green">Booked</Tag> : <Tag colour="yellow">Waiting list</Tag>}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Completed courses</h2>
      {record.completions.length === 0 ? (
        <InsetText>No courses recorded as completed yet.</InsetText>
      ) : (
        <Table
          caption="Completed courses"
          captionHidden
          rows={record.completions}
          rowKey={(c) => c.id}
          firstCellIsHeader
          columns={[
            { header: 'Course', cell: (c) => c.course_name },
            ...(own ? [] : [{ header: 'Who', cell: (c: TrainingRecord['completions'][number]) => c.person_name ?? 'Household' }]),
            { header: 'Completed', cell: (c) => formatDate(c.completed_on) },
            {
              header: 'Expires',
              cell: (c) => (c.expires_on ? <>{formatDate(c.expires_on)}{c.is_expired && <> <Tag colour="red">Expired</Tag></>}</> : 'Does not expire'),
            },
          ]}
        />
      )}
    </>
  )
}
