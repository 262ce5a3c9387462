import { Link } from 'react-router'
import { Table } from '../../../components/govuk/Table'
import { usePageTitle } from '../../../lib/page'
import { CLOSING_STAGES, OPEN_STAGES, stageName, type Stage } from '../../../lib/vocabulary'
import { usePipeline } from '../api/get-pipeline'

interface Row {
  stage: Stage
  count: number
  overdue: number
}

function listOf(stage: Stage, overdue = false): string {
  return `/staff/enquiries?stage=${stage}${overdue ? '&overdue=true' : ''}`
}

/** The pipeline board: how many enquiries are at each stage and how many of those are overdue. */
export function PipelinePage() {
  const pipeline = usePipeline()
  usePageTitle('Pipeline')

  const rows = (stages: readonly Stage[]): Row[] =>
    stages.map((stage) => {
      const found = pipeline.data?.board.find((entry) => entry.stage === stage)
      return { stage, count: found?.count ?? 0, overdue: found?.overdue ?? 0 }
    })
  const open = rows(OPEN_STAGES)
  const totalOpen = open.reduce((sum, row) => sum + row.count, 0)
  const totalOverdue = open.reduce((sum, row) => sum + row.overdue, 0)

  return (
    <>
      <h1 className="govuk-heading-xl">Pipeline</h1>
      {pipeline.isPending && (
        <p className="govuk-body" role="status">
          Loading the pipeline…
        </p>
      )}
      {pipeline.isError && <p className="govuk-body">Sorry, the pipeline cannot be shown right now. Try again later.</p>}
      {pipeline.data && (
        <>
          <p className="govuk-body-l">
            {totalOpen} open {totalOpen === 1 ? 'enquiry' : 'enquiries'}, {totalOverdue} past {totalOverdue === 1 ? 'its' : 'their'} target.
          </p>
          <ul className="govuk-list govuk-list--spaced">
            <li>
              <Link className="govuk-link govuk-link--no-visited-state" to="/staff/enquiries/overdue">
                Your overdue queue
              </Link>
            </li>
            <li>
              <Link className="govuk-link govuk-link--no-visited-state" to="/staff/enquiries?offer_no_response=true">
                Enquiries you may close as no response
              </Link>
            </li>
            <li>
              <Link className="govuk-link govuk-link--no-visited-state" to="/staff/enquiries?recontact=true">
                People to contact again
              </Link>
            </li>
          </ul>
          <Table<Row>
            caption="Open enquiries by stage"
            rows={open}
            rowKey={(row) => row.stage}
            firstCellIsHeader
            columns={[
              { header: 'Stage', cell: (row) => stageName(row.stage) },
              {
                header: 'Enquiries',
                numeric: true,
                cell: (row) => (
                  <Link className="govuk-link" to={listOf(row.stage)}>
                    {row.count}
                    <span className="govuk-visually-hidden"> at {stageName(row.stage)}</span>
                  </Link>
                ),
              },
              {
                header: 'Overdue',
                numeric: true,
                cell: (row) =>
                  row.overdue ? (
                    <Link className="govuk-link" to={listOf(row.stage, true)}>
                      {row.overdue}
                      <span className="govuk-visually-hidden"> overdue at {stageName(row.stage)}</span>
                    </Link>
                  ) : (
                    '0'
                  ),
              },
            ]}
          />
          <Table<Row>
            caption="Approved and closed"
            rows={rows(['approved', ...CLOSING_STAGES])}
            rowKey={(row) => row.stage}
            firstCellIsHeader
            columns={[
              { header: 'Outcome', cell: (row) => stageName(row.stage) },
              {
                header: 'Enquiries',
                numeric: true,
                cell: (row) => (
                  <Link className="govuk-link" to={listOf(row.stage)}>
                    {row.count}
                    <span className="govuk-visually-hidden"> {stageName(row.stage)}</span>
                  </Link>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  )
}
