/**
 * The figures of a region's roll-ups: the region as a whole in a chart and its table, then each
 * council side by side. Counts from 1 to 4 arrive as "fewer than 5", and figures that would give
 * one away as "withheld", and read so; the shares, medians and changes made from hidden counts
 * arrive as null and read "not shown"; the charts leave a labelled gap for each.
 */
import { Table, type Column } from '../../../components/govuk/Table'
import { formatDateTime } from '../../../lib/format'
import type {
  RegionalFunnel,
  RegionalFunnelSplit,
  RegionalOfsted,
  RegionalRetention,
  RegionalSources,
  RegionalTimeInStage,
  RegionalWithdrawals,
} from '../api/report-types'
import {
  countPoint,
  formatAmount,
  formatChange,
  formatCount,
  formatRegionalShare,
  formatShare,
  isHiddenFigure,
  NOT_SHOWN,
  sharePoint,
} from '../figures'
import { channelLabel, splitCaption, splitLabel, stageLabel, type RegionalSplitBy } from '../labels'
import { ofstedYearLabel } from '../period'
import { ChartTable } from './ChartTable'
import { ConversionsTable } from './ConversionsTable'
import { CONVERSIONS_CAPTION, FiguresChart, OFSTED_FIGURES } from './CouncilReports'
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

type CouncilFunnel = RegionalFunnel['total']

const reachedAt = (c: CouncilFunnel, stage: string) => c.cohort.stages.find((s) => s.stage === stage)?.reached

const conversionOf = (c: CouncilFunnel, from: string, to: string) =>
  c.cohort.conversions.find((x) => x.from_stage === from && x.to_stage === to)?.rate ?? null

/** How far a council's (or the region's) enquiries got: the funnel's columns in a by-council table. */
function funnelColumns(stages: readonly string[]): Column<CouncilFunnel>[] {
  return [
    { header: 'Enquiries', numeric: true, cell: (c) => formatCount(c.cohort.enquiries) },
    ...stages.slice(1).map((stage) => ({
      header: stageLabel(stage),
      numeric: true,
      cell: (c: CouncilFunnel) => formatCount(reachedAt(c, stage)),
    })),
    { header: 'Still open', numeric: true, cell: (c) => formatCount(c.cohort.open) },
  ]
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
              return formatRegionalShare(s.conversion_from_previous, stages[index - 1]?.reached, 'None reached the stage before')
            },
          },
        ]}
      />
      <ConversionsTable
        caption={`${CONVERSIONS_CAPTION}, across ${report.total.name}`}
        stages={report.stages}
        conversions={report.total.cohort.conversions}
        reached={(stage) => reachedAt(report.total, stage)}
      />
      <ByCouncil caption="How far enquiries got, by council" councils={report.councils} total={report.total} columns={funnelColumns(report.stages)} />
      {report.by && <RegionalFunnelSplits report={report} by={report.by} />}
    </>
  )
}

/**
 * The funnel split by channel or referral: the region's total for each group in a chart and its
 * table, then each group's councils side by side.
 */
function RegionalFunnelSplits({ report, by }: { report: RegionalFunnel; by: RegionalSplitBy }) {
  const label = (split: RegionalFunnelSplit) => splitLabel(by, split.key, null)
  if (report.splits.length === 0) return <p className="govuk-body">No enquiries to split in this period.</p>
  return (
    <>
      <h3 className="govuk-heading-m">Enquiries {splitCaption(by)}</h3>
      <ChartTable
        caption={`Enquiries received in the period across ${report.total.name}, ${splitCaption(by)}`}
        rows={report.splits}
        rowKey={(s) => s.key}
        bar={(s) => ({ label: label(s), point: countPoint(s.total.cohort.enquiries) })}
        wide
        columns={[
          { header: 'Group', cell: label },
          { header: 'Enquiries', numeric: true, cell: (s) => formatCount(s.total.cohort.enquiries) },
          { header: 'Reached initial visit', numeric: true, cell: (s) => formatCount(reachedAt(s.total, 'initial_visit')) },
          { header: 'Reached application', numeric: true, cell: (s) => formatCount(reachedAt(s.total, 'application')) },
          { header: 'Approved', numeric: true, cell: (s) => formatCount(reachedAt(s.total, 'approved')) },
          {
            header: 'Enquiry to application',
            numeric: true,
            cell: (s) => formatRegionalShare(conversionOf(s.total, 'enquiry', 'application'), s.total.cohort.enquiries, 'No enquiries'),
          },
        ]}
      />
      {report.splits.map((split) => (
        <ByCouncil
          key={split.key}
          caption={`${label(split)}: how far enquiries got, by council`}
          councils={split.councils}
          total={split.total}
          columns={funnelColumns(report.stages)}
        />
      ))}
    </>
  )
}

type StageTime = RegionalTimeInStage['total']['stages'][number]

const noShare = (s: StageTime) => (s.over_target === null ? 'No target' : 'No moves')

/** A share over target the region hides (not one without a target, or without moves). */
const isShareHidden = (s: StageTime) => s.over_target !== null && isHiddenFigure(s.share_over_target, s.moves)

const overTargetShare = (s: StageTime) => formatShare(s.share_over_target, { hidden: isShareHidden(s), none: noShare(s) })

export function RegionalTimeInStageFigures({ report }: { report: RegionalTimeInStage }) {
  const stages = report.total.stages
  const caption = `Share of moves on to the next stage that took longer than the council’s target, across ${report.total.name}`
  const label = (s: (typeof stages)[number]) => `${stageLabel(s.stage)} to ${stageLabel(s.next_stage).toLowerCase()}`
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
          point: sharePoint(s.share_over_target, isShareHidden(s), noShare(s).toLowerCase()),
        })}
        columns={[
          { header: 'Stage', cell: label },
          { header: 'Moves', numeric: true, cell: (s) => formatCount(s.moves) },
          { header: 'Median', numeric: true, cell: (s) => formatAmount(s.median_days, s.unit, isHiddenFigure(s.median_days, s.moves) ? NOT_SHOWN : 'None') },
          { header: '90th percentile', numeric: true, cell: (s) => formatAmount(s.p90_days, s.unit, isHiddenFigure(s.p90_days, s.moves) ? NOT_SHOWN : 'None') },
          { header: 'Over target', numeric: true, cell: (s) => formatCount(s.over_target, 'No target') },
          { header: 'Share over target', numeric: true, cell: overTargetShare },
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
              return s ? overTargetShare(s) : 'None'
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
          { header: 'Reached initial visit', numeric: true, cell: (c) => formatRegionalShare(c.share_initial_visit, c.enquiries, 'None') },
          { header: 'Reached application', numeric: true, cell: (c) => formatRegionalShare(c.share_application, c.enquiries, 'None') },
          { header: 'Approvals', numeric: true, cell: (c) => formatCount(c.approvals) },
          { header: 'No response', numeric: true, cell: (c) => formatRegionalShare(c.no_response_rate, c.enquiries, 'None') },
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
