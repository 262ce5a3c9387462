/** The figures of a council's own reports: each a chart, the same data as a table, and more tables. */
import { SummaryList } from '../../../components/govuk/SummaryList'
import { Table } from '../../../components/govuk/Table'
import { formatDate, formatDateTime } from '../../../lib/format'
import type {
  FunnelReport,
  FunnelSplit,
  OfstedReturn,
  RetentionReport,
  SourcesReport,
  TimeInStageReport,
  WithdrawalsReport,
} from '../api/report-types'
import {
  countPoint,
  formatAmount,
  formatChange,
  formatCount,
  formatPence,
  formatShare,
  percent,
  shareOf,
  sharePoint,
  type Count,
} from '../figures'
import { channelLabel, humanise, splitCaption, splitLabel, stageLabel, type SplitBy } from '../labels'
import { ofstedYearLabel } from '../period'
import { ChartTable } from './ChartTable'
import { ConversionsTable } from './ConversionsTable'
import { WideTable } from './ReportFigure'

type Target = TimeInStageReport['stages'][number]['target']

export function formatTarget(target: Target): string {
  if (!target) return 'No target'
  return `${formatAmount(target.amount, target.unit)} from ${stageLabel(target.from_stage).toLowerCase()}`
}

export const CONVERSIONS_CAPTION = 'Conversion between every pair of stages: of the enquiries that reached each stage, the share that went on to reach each later one'

export function FunnelFigures({ report }: { report: FunnelReport }) {
  const cohort = report.cohort
  const first = cohort.stages[0]?.reached
  const approved = cohort.stages.at(-1)?.reached
  const overall = shareOf(approved, first)
  return (
    <>
      <ChartTable
        caption="Enquiries received in the period, by the furthest stage each reached"
        rows={cohort.stages}
        rowKey={(s) => s.stage}
        bar={(s) => ({ label: stageLabel(s.stage), point: countPoint(s.reached) })}
        columns={[
          { header: 'Stage', cell: (s) => stageLabel(s.stage) },
          { header: 'Reached', numeric: true, cell: (s) => formatCount(s.reached) },
          {
            header: 'Conversion from the stage before',
            numeric: true,
            cell: (s) => formatShare(s.conversion_from_previous, { none: s === cohort.stages[0] ? 'Not applicable' : 'None reached the stage before' }),
          },
        ]}
      />
      <p className="govuk-body">
        Of {formatCount(first)} enquiries, {formatCount(approved)} reached approval ({overall === null ? 'no conversion to show' : percent(overall)}).{' '}
        {formatCount(cohort.open)} are still open.
      </p>
      <ConversionsTable
        caption={CONVERSIONS_CAPTION}
        stages={report.stages}
        conversions={cohort.conversions}
        reached={(stage) => cohort.stages.find((s) => s.stage === stage)?.reached}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Table
            caption="Where the closed enquiries of the period are now"
            captionSize="s"
            firstCellIsHeader
            rows={cohort.closed}
            rowKey={(c) => c.outcome}
            columns={[
              { header: 'Outcome', cell: (c) => stageLabel(c.outcome) },
              { header: 'Enquiries', numeric: true, cell: (c) => formatCount(c.count) },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Table
            caption="Moves into each stage in the period, whenever the enquiry arrived"
            captionSize="s"
            firstCellIsHeader
            rows={report.activity.entered}
            rowKey={(c) => c.stage}
            columns={[
              { header: 'Stage', cell: (c) => stageLabel(c.stage) },
              { header: 'Moves', numeric: true, cell: (c) => formatCount(c.count) },
            ]}
          />
        </div>
      </div>
      {report.by && <FunnelSplits report={report} by={report.by} />}
    </>
  )
}

function FunnelSplits({ report, by }: { report: FunnelReport; by: SplitBy }) {
  const reached = (split: FunnelSplit, stage: string) => split.cohort.stages.find((s) => s.stage === stage)?.reached ?? 0
  const label = (split: FunnelSplit) => splitLabel(by, split.key, split.label, split.starts_on)
  const caption = `Enquiries received in the period, ${splitCaption(by)}`
  if (report.splits.length === 0) return <p className="govuk-body">No enquiries to split in this period.</p>
  return (
    <ChartTable
      caption={caption}
      rows={report.splits}
      rowKey={(s) => s.key}
      bar={(s) => ({ label: label(s), point: countPoint(s.cohort.enquiries) })}
      columns={[
          { header: 'Group', cell: label },
          { header: 'Enquiries', numeric: true, cell: (s) => formatCount(s.cohort.enquiries) },
          { header: 'Reached initial visit', numeric: true, cell: (s) => formatCount(reached(s, 'initial_visit')) },
          { header: 'Reached application', numeric: true, cell: (s) => formatCount(reached(s, 'application')) },
          { header: 'Approved', numeric: true, cell: (s) => formatCount(reached(s, 'approved')) },
          {
            header: 'Enquiry to application',
            numeric: true,
            cell: (s) => formatShare(shareOf(reached(s, 'application'), s.cohort.enquiries), { none: 'No enquiries' }),
          },
      ]}
    />
  )
}

export function TimeInStageFigures({ report }: { report: TimeInStageReport }) {
  const caption = 'Share of moves on to the next stage that took longer than the target'
  return (
    <>
      <ChartTable
        caption={caption}
        tableCaption="Time in each stage against the council’s targets"
        wide
        max={1}
        rows={report.stages}
        rowKey={(s) => s.stage}
        bar={(s) => ({
          label: `${stageLabel(s.stage)} to ${stageLabel(s.next_stage).toLowerCase()}`,
          point: sharePoint(s.share_over_target, false, s.target ? 'no moves' : 'no target'),
        })}
        columns={[
              { header: 'Stage', cell: (s) => `${stageLabel(s.stage)} to ${stageLabel(s.next_stage).toLowerCase()}` },
              { header: 'Moves', numeric: true, cell: (s) => formatCount(s.moves) },
              { header: 'Median', numeric: true, cell: (s) => formatAmount(s.median_days, s.unit, 'None') },
              { header: '90th percentile', numeric: true, cell: (s) => formatAmount(s.p90_days, s.unit, 'None') },
              { header: 'Target', cell: (s) => formatTarget(s.target) },
              { header: 'Over target', numeric: true, cell: (s) => (s.target ? formatCount(s.over_target, 'None') : 'No target') },
              {
                header: 'Share over target',
                numeric: true,
                cell: (s) => formatShare(s.share_over_target, { none: s.target ? 'No moves' : 'No target' }),
              },
        ]}
      />
      <h3 className="govuk-heading-m">Overdue now</h3>
      <p className="govuk-body">
        {report.overdue.count === 0
          ? `Nothing is overdue as of ${formatDateTime(report.as_of)}.`
          : `${formatCount(report.overdue.count)} overdue as of ${formatDateTime(report.as_of)}, the longest overdue first${report.overdue.items_truncated ? ' (the first 100)' : ''}.`}
      </p>
      {report.overdue.items.length > 0 && (
        <Table
          caption="Overdue enquiries"
          captionHidden
          firstCellIsHeader
          rows={report.overdue.items}
          rowKey={(item) => item.reference}
          columns={[
            { header: 'Reference', cell: (item) => item.reference },
            { header: 'Stage', cell: (item) => stageLabel(item.stage) },
            { header: 'Was due', cell: (item) => formatDateTime(item.due_at) },
          ]}
        />
      )}
    </>
  )
}

/** What the sources' costs are divided by: all a campaign ever brought, not the period's. */
export const COST_NOTE =
  'A campaign code’s cost per enquiry is its whole cost divided by every enquiry the code has ever brought (repeats left out), ' +
  'not only those in this period; its cost per approval is the same cost divided by the approvals among them. ' +
  'A channel’s cost is the total of its campaigns whose cost is known, divided in the same way by everything those campaigns ' +
  'brought; enquiries on the channel that came through no costed campaign are not counted.'

export function SourcesFigures({ report }: { report: SourcesReport }) {
  const caption = 'Enquiries received in the period, by channel'
  const costed = report.channels.filter((c) => c.cost_pence !== null)
  return (
    <>
      <ChartTable
        caption={caption}
        rows={report.channels}
        rowKey={(c) => c.channel}
        bar={(c) => ({ label: channelLabel(c.channel), point: countPoint(c.enquiries) })}
        columns={[
          { header: 'Channel', cell: (c) => channelLabel(c.channel) },
          { header: 'Enquiries', numeric: true, cell: (c) => formatCount(c.enquiries) },
          { header: 'Reached initial visit', numeric: true, cell: (c) => formatShare(c.share_initial_visit, { none: 'None' }) },
          { header: 'Reached application', numeric: true, cell: (c) => formatShare(c.share_application, { none: 'None' }) },
          { header: 'Approvals', numeric: true, cell: (c) => formatCount(c.approvals) },
          { header: 'No response', numeric: true, cell: (c) => formatShare(c.no_response_rate, { none: 'None' }) },
        ]}
      />
      <h3 className="govuk-heading-m">Campaign codes and costs</h3>
      <p className="govuk-body">{COST_NOTE}</p>
      {report.campaigns.length === 0 ? (
        <p className="govuk-body">No enquiries came through a campaign code in this period.</p>
      ) : (
        <WideTable label="Campaign codes">
          <Table
            caption="Campaign codes"
            captionSize="s"
            firstCellIsHeader
            rows={report.campaigns}
            rowKey={(c) => c.campaign_id}
            columns={[
              { header: 'Code', cell: (c) => c.code },
              { header: 'Name', cell: (c) => c.name },
              { header: 'Channel', cell: (c) => channelLabel(c.channel) },
              { header: 'Enquiries in the period', numeric: true, cell: (c) => formatCount(c.enquiries) },
              { header: 'Reached initial visit', numeric: true, cell: (c) => formatShare(c.share_initial_visit, { none: 'None' }) },
              { header: 'Approvals in the period', numeric: true, cell: (c) => formatCount(c.approvals) },
              { header: 'Whole cost', numeric: true, cell: (c) => formatPence(c.cost_pence) },
              { header: 'Enquiries ever', numeric: true, cell: (c) => formatCount(c.lifetime_enquiries) },
              { header: 'Approvals ever', numeric: true, cell: (c) => formatCount(c.lifetime_approvals) },
              { header: 'Cost per enquiry', numeric: true, cell: (c) => costPer(c.cost_per_enquiry_pence, c.cost_pence, 'No enquiries') },
              { header: 'Cost per approval', numeric: true, cell: (c) => costPer(c.cost_per_approval_pence, c.cost_pence, 'No approvals') },
            ]}
          />
        </WideTable>
      )}
      {costed.length === 0 ? (
        <p className="govuk-body">No campaign on any channel has a recorded cost.</p>
      ) : (
        <WideTable label="Cost by channel, over everything its costed campaigns brought">
          <Table
            caption="Cost by channel, over everything its costed campaigns brought"
            captionSize="s"
            firstCellIsHeader
            rows={costed}
            rowKey={(c) => c.channel}
            columns={[
              { header: 'Channel', cell: (c) => channelLabel(c.channel) },
              { header: 'Cost of its costed campaigns', numeric: true, cell: (c) => formatPence(c.cost_pence) },
              { header: 'Enquiries they ever brought', numeric: true, cell: (c) => formatCount(c.costed_enquiries) },
              { header: 'Approvals among them', numeric: true, cell: (c) => formatCount(c.costed_approvals) },
              { header: 'Cost per enquiry', numeric: true, cell: (c) => formatPence(c.cost_per_enquiry_pence, 'No enquiries') },
              { header: 'Cost per approval', numeric: true, cell: (c) => formatPence(c.cost_per_approval_pence, 'No approvals') },
            ]}
          />
        </WideTable>
      )}
    </>
  )
}

/** A cost per something: in pounds; with no cost known it says so, and with nothing to divide by, `none`. */
function costPer(pence: number | null, cost: number | null, none: string): string {
  if (cost === null) return 'Cost not known'
  return formatPence(pence, none)
}

export function WithdrawalsFigures({ report }: { report: WithdrawalsReport }) {
  const caption = 'Withdrawals in the period, by Ofsted reason code'
  return (
    <>
      <p className="govuk-body">{formatCount(report.total)} withdrawals in the period.</p>
      <ChartTable
        caption={caption}
        rows={report.by_code}
        rowKey={(c) => c.code}
        bar={(c) => ({ label: `${c.code}: ${c.text}`, point: countPoint(c.count) })}
        columns={[
          { header: 'Code', cell: (c) => c.code },
          { header: 'Reason', cell: (c) => c.text },
          { header: 'Withdrawals', numeric: true, cell: (c) => formatCount(c.count) },
          { header: 'Share', numeric: true, cell: (c) => formatShare(shareOf(c.count, report.total), { none: 'None' }) },
        ]}
      />
      <Table
        caption="The stage they left at"
        captionSize="s"
        firstCellIsHeader
        rows={report.by_stage}
        rowKey={(s) => s.stage}
        columns={[
          { header: 'Stage', cell: (s) => stageLabel(s.stage) },
          { header: 'Withdrawals', numeric: true, cell: (s) => formatCount(s.count) },
        ]}
      />
    </>
  )
}

export function RetentionFigures({ report }: { report: RetentionReport }) {
  const caption = 'Households approved and deregistered in the period'
  return (
    <>
      <ChartTable
        caption={caption}
        rows={[
          { key: 'approved', label: 'Approved', count: report.approved },
          { key: 'deregistered', label: 'Deregistered', count: report.deregistered },
        ]}
        rowKey={(r) => r.key}
        bar={(r) => ({ label: r.label, point: countPoint(r.count) })}
        columns={[
          { header: 'Households', cell: (r) => r.label },
          { header: 'Count', numeric: true, cell: (r) => formatCount(r.count) },
        ]}
      />
      <SummaryList
        rows={[
          { key: 'Net change', value: formatChange(report.net_change) },
          {
            key: 'Average years fostering of those who left',
            value: report.average_years_fostering_of_leavers === null ? 'None left' : formatYears(report.average_years_fostering_of_leavers),
          },
          {
            key: `Approved households on ${formatDate(report.at_end.on)}`,
            value: `${formatCount(report.at_end.households)} (${formatCount(report.at_end.places)} places)`,
          },
          {
            key: 'Average years fostering then',
            value: report.at_end.average_years_fostering === null ? 'None' : formatYears(report.at_end.average_years_fostering),
          },
          { key: 'Households today', value: `${formatCount(report.current.households)}, of which ${formatCount(report.current.on_hold)} on hold` },
          { key: 'Places today', value: formatCount(report.current.places) },
          { key: 'Vacancies today', value: formatCount(report.current.vacancies) },
        ]}
      />
      {report.deregistered_by_reason.length > 0 && (
        <Table
          caption="Deregistrations by reason"
          captionSize="s"
          firstCellIsHeader
          rows={report.deregistered_by_reason}
          rowKey={(r) => r.reason}
          columns={[
            { header: 'Reason', cell: (r) => humanise(r.reason) },
            { header: 'Households', numeric: true, cell: (r) => formatCount(r.count) },
          ]}
        />
      )}
    </>
  )
}

export function formatYears(years: number): string {
  return `${years.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${years === 1 ? 'year' : 'years'}`
}

export const OFSTED_FIGURES = [
  ['initial_enquiries', 'Initial enquiries'],
  ['applications_received', 'Applications received'],
  ['approvals', 'Households approved'],
  ['applications_withdrawn', 'Applications withdrawn'],
  ['applications_turned_down', 'Applications turned down'],
  ['households_at_31_march', 'Households at 31 March'],
  ['places_at_31_march', 'Places at 31 March'],
  ['deregistrations', 'Deregistrations'],
] as const

/** Named figures (label and count) as a chart and its table: the Ofsted return's headline figures. */
export function FiguresChart({ caption, rows }: { caption: string; rows: readonly { key: string; label: string; count: Count }[] }) {
  return (
    <ChartTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.key}
      bar={(r) => ({ label: r.label, point: countPoint(r.count) })}
      columns={[
        { header: 'Figure', cell: (r) => r.label },
        { header: 'Count', numeric: true, cell: (r) => formatCount(r.count) },
      ]}
    />
  )
}

export function OfstedFigures({ report }: { report: OfstedReturn }) {
  const caption = `Ofsted return figures for ${ofstedYearLabel(report.year)}`
  const rows = OFSTED_FIGURES.map(([key, label]) => ({ key, label, count: report[key] }))
  return (
    <>
      {!report.is_complete && <p className="govuk-inset-text">This year is still running: the figures will change until 31 March {report.year + 1}.</p>}
      <FiguresChart caption={caption} rows={rows} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Table
            caption="Withdrawal reasons"
            captionSize="s"
            firstCellIsHeader
            rows={report.withdrawal_reasons}
            rowKey={(c) => c.code}
            columns={[
              { header: 'Code', cell: (c) => `${c.code}: ${c.text}` },
              { header: 'Withdrawals', numeric: true, cell: (c) => formatCount(c.count) },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          {report.deregistrations_by_reason.length === 0 ? (
            <p className="govuk-body">No deregistrations in this year.</p>
          ) : (
            <Table
              caption="Deregistrations by reason"
              captionSize="s"
              firstCellIsHeader
              rows={report.deregistrations_by_reason}
              rowKey={(r) => r.reason}
              columns={[
                { header: 'Reason', cell: (r) => humanise(r.reason) },
                { header: 'Households', numeric: true, cell: (r) => formatCount(r.count) },
              ]}
            />
          )}
        </div>
      </div>
    </>
  )
}
