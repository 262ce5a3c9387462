/**
 * The figures of a region's roll-ups: the region as a whole in a chart and its table, then each
 * council side by side. Counts from 1 to 4 arrive as "fewer than 5" and read so; the shares made
 * from them arrive as null and read "withheld"; the charts leave a labelled gap for both.
 */
import { Table, type Column } from '../../../components/govuk/Table'
import { formatDateTime } from '../../../lib/format'
import type {
  RegionalFunnel,
  RegionalOfsted,
  RegionalRetention,
  RegionalSources,
  RegionalTimeInStage,
  RegionalWithdrawals,
} from '../api/report-types'
import { anySuppressed, countPoint, formatAmount, formatChange, formatCount, formatShare, sharePoint, type Count } from '../figures'
import { channelLabel, stageLabel } from '../labels'
import { ofstedYearLabel } from '../period'
import { ChartTable } from './ChartTable'
import { FiguresChart, OFSTED_FIGURES } from './CouncilReports'
import { ReportFigure, WideTable } from './ReportFigure'

interface CouncilRow {
  council: string
  name: string
}

/** Councils side by side, the region's total as the last row. */
function ByCouncil<C extends CouncilRow>({
  caption,
  councils,
  total,
  columns,
}: {
  caption: string
  councils: readonly C[]
  total: C
  columns: readonly Column<C>[]
}) {
  return (
    <WideTable label={caption}>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        rows={[...councils, total]}
        rowKey={(c) => c.council}
        columns={[{ header: 'Council', cell: (c) => (c === total ? `${c.name} (all councils)` : c.name) }, ...columns]}
      />
    </WideTable>
  )
}

/** A share the API may have withheld: "withheld" when a count it comes from is suppressed. */
function share(value: number | null, counts: (Count | null)[], none: string): string {
  return formatShare(value, { withheld: anySuppressed(...counts), none })
}

export function RegionalFunnelFigures({ report }: { report: RegionalFunnel }) {
  const stages = report.total.cohort.stages
  const caption = `Enquiries received in the period across ${report.total.name}, by the furthest stage each reached`
  return (
    <>
      <ChartTable
        caption={caption}
        rows={stages}
        rowKey={(s) => s.stage}
        bar={(s) => ({ label: stageLabel(s.stage), point: countPoint(s.reached) })}
        columns={[
          { header: 'Stage', cell: (s) => stageLabel(s.stage) },
          { header: 'Reached', numeric: true, cell: (s) => formatCount(s.reached) },
          {
            header: 'Conversion from the stage before',
            numeric: true,
            cell: (s) => {
              const index = stages.indexOf(s)
              if (index === 0) return 'Not applicable'
              return share(s.conversion_from_previous, [s.reached, stages[index - 1]?.reached ?? null], 'None reached the stage before')
            },
          },
        ]}
      />
      <ByCouncil
        caption="How far enquiries got, by council"
        councils={report.councils}
        total={report.total}
        columns={[
          { header: 'Enquiries', numeric: true, cell: (c) => formatCount(c.cohort.enquiries) },
          ...report.stages.slice(1).map((stage) => ({
            header: stageLabel(stage),
            numeric: true,
            cell: (c: RegionalFunnel['total']) => formatCount(c.cohort.stages.find((s) => s.stage === stage)?.reached),
          })),
          { header: 'Still open', numeric: true, cell: (c) => formatCount(c.cohort.open) },
        ]}
      />
    </>
  )
}

export function RegionalTimeInStageFigures({ report }: { report: RegionalTimeInStage }) {
  const stages = report.total.stages
  const caption = `Share of moves on to the next stage that took longer than the council’s target, across ${report.total.name}`
  const label = (s: (typeof stages)[number]) => `${stageLabel(s.stage)} to ${stageLabel(s.next_stage).toLowerCase()}`
  const noShare = (s: (typeof stages)[number]) => (s.over_target === null ? 'No target' : 'No moves')
  return (
    <>
      <ChartTable
        caption={caption}
        wide
        max={1}
        rows={stages}
        rowKey={(s) => s.stage}
        bar={(s) => ({
          label: label(s),
          point: sharePoint(s.share_over_target, anySuppressed(s.moves, s.over_target), noShare(s).toLowerCase()),
        })}
        columns={[
          { header: 'Stage', cell: label },
          { header: 'Moves', numeric: true, cell: (s) => formatCount(s.moves) },
          { header: 'Median', numeric: true, cell: (s) => formatAmount(s.median_days, s.unit, anySuppressed(s.moves) ? 'withheld' : 'None') },
          { header: '90th percentile', numeric: true, cell: (s) => formatAmount(s.p90_days, s.unit, anySuppressed(s.moves) ? 'withheld' : 'None') },
          { header: 'Over target', numeric: true, cell: (s) => formatCount(s.over_target, 'No target') },
          { header: 'Share over target', numeric: true, cell: (s) => share(s.share_over_target, [s.moves, s.over_target], noShare(s)) },
        ]}
      />
      <p className="govuk-body">Overdue counts are as of {formatDateTime(report.as_of)}; each council’s moves are judged by its own targets.</p>
      <ByCouncil
        caption="Share over target, by council"
        councils={report.councils}
        total={report.total}
        columns={[
          ...stages.map((stage) => ({
            header: label(stage),
            numeric: true,
            cell: (c: RegionalTimeInStage['total']) => {
              const s = c.stages.find((t) => t.stage === stage.stage)
              return s ? share(s.share_over_target, [s.moves, s.over_target], noShare(s)) : 'None'
            },
          })),
          { header: 'Overdue now', numeric: true, cell: (c) => formatCount(c.overdue.count) },
        ]}
      />
    </>
  )
}

export function RegionalSourcesFigures({ report }: { report: RegionalSources }) {
  const channels = report.total.channels
  const caption = `Enquiries received in the period across ${report.total.name}, by channel`
  return (
    <>
      <ChartTable
        caption={caption}
        rows={channels}
        rowKey={(c) => c.channel}
        bar={(c) => ({ label: channelLabel(c.channel), point: countPoint(c.enquiries) })}
        columns={[
          { header: 'Channel', cell: (c) => channelLabel(c.channel) },
          { header: 'Enquiries', numeric: true, cell: (c) => formatCount(c.enquiries) },
          { header: 'Reached initial visit', numeric: true, cell: (c) => share(c.share_initial_visit, [c.enquiries, c.reached_initial_visit], 'None') },
          { header: 'Reached application', numeric: true, cell: (c) => share(c.share_application, [c.enquiries, c.reached_application], 'None') },
          { header: 'Approvals', numeric: true, cell: (c) => formatCount(c.approvals) },
          { header: 'No response', numeric: true, cell: (c) => share(c.no_response_rate, [c.enquiries, c.no_response], 'None') },
        ]}
      />
      <ByCouncil
        caption="Enquiries by channel, by council"
        councils={report.councils}
        total={report.total}
        columns={channels.map((channel) => ({
          header: channelLabel(channel.channel),
          numeric: true,
          cell: (c: RegionalSources['total']) => formatCount(c.channels.find((x) => x.channel === channel.channel)?.enquiries),
        }))}
      />
    </>
  )
}

export function RegionalWithdrawalsFigures({ report }: { report: RegionalWithdrawals }) {
  const codes = report.total.by_code
  const caption = `Withdrawals in the period across ${report.total.name}, by Ofsted reason code`
  return (
    <>
      <ChartTable
        caption={caption}
        rows={codes}
        rowKey={(c) => c.code}
        bar={(c) => ({ label: `${c.code}: ${c.text}`, point: countPoint(c.count) })}
        columns={[
          { header: 'Code', cell: (c) => c.code },
          { header: 'Reason', cell: (c) => c.text },
          { header: 'Withdrawals', numeric: true, cell: (c) => formatCount(c.count) },
        ]}
      />
      <ByCouncil
        caption="Withdrawals by reason code, by council"
        councils={report.councils}
        total={report.total}
        columns={[
          { header: 'All', numeric: true, cell: (c) => formatCount(c.total) },
          ...codes.map((code) => ({
            header: code.code,
            numeric: true,
            cell: (c: RegionalWithdrawals['total']) => formatCount(c.by_code.find((x) => x.code === code.code)?.count),
          })),
        ]}
      />
    </>
  )
}

export function RegionalRetentionFigures({ report }: { report: RegionalRetention }) {
  const caption = 'Approved foster carer households today, by council'
  return (
    <ReportFigure caption={caption} bars={report.councils.map((c) => ({ key: c.council, label: c.name, point: countPoint(c.current.households) }))}>
      <ByCouncil
        caption="Households gained and lost in the period, and today’s households, places and vacancies, by council"
        councils={report.councils}
        total={report.total}
        columns={[
          { header: 'Approved in the period', numeric: true, cell: (c) => formatCount(c.approved) },
          { header: 'Deregistered in the period', numeric: true, cell: (c) => formatCount(c.deregistered) },
          { header: 'Net change', numeric: true, cell: (c) => formatChange(c.net_change) },
          { header: 'Households today', numeric: true, cell: (c) => formatCount(c.current.households) },
          { header: 'Places today', numeric: true, cell: (c) => formatCount(c.current.places) },
          { header: 'Vacancies today', numeric: true, cell: (c) => formatCount(c.current.vacancies) },
        ]}
      />
    </ReportFigure>
  )
}

export function RegionalOfstedFigures({ report }: { report: RegionalOfsted }) {
  const caption = `Ofsted return figures for ${ofstedYearLabel(report.year)} across ${report.total.name}`
  const rows = OFSTED_FIGURES.map(([key, label]) => ({ key, label, count: report.total[key] }))
  return (
    <>
      {!report.is_complete && <p className="govuk-inset-text">This year is still running: the figures will change until 31 March {report.year + 1}.</p>}
      <FiguresChart caption={caption} rows={rows} />
      <ByCouncil
        caption="Ofsted return figures, by council"
        councils={report.councils}
        total={report.total}
        columns={OFSTED_FIGURES.map(([key, label]) => ({
          header: label,
          numeric: true,
          cell: (c: RegionalOfsted['total']) => formatCount(c[key]),
        }))}
      />
    </>
  )
}
