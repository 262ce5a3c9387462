import { Table } from '../../../components/govuk/Table'
import type { Conversion } from '../api/report-types'
import { isHiddenFigure, NOT_SHOWN, percent, type Count } from '../figures'
import { stageLabel } from '../labels'
import { WideTable } from './ReportFigure'

/** A cell with nothing to show: a dash on screen, words for a screen reader. */
function Dash({ words }: { words: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="govuk-visually-hidden">{words}</span>
    </>
  )
}

/**
 * The conversion between every pair of stages as a matrix: one row per stage enquiries came
 * from, one column per later stage they went on to reach. A pair the wrong way round, or one
 * from a stage none reached, is a dash (with words for screen readers); a rate the region
 * hides reads "not shown". `reached` tells the two kinds of null apart.
 */
export function ConversionsTable({
  caption,
  stages,
  conversions,
  reached,
}: {
  caption: string
  stages: readonly string[]
  conversions: readonly Conversion[]
  reached: (stage: string) => Count | undefined
}) {
  const rates = new Map(conversions.map((c) => [`${c.from_stage}>${c.to_stage}`, c.rate]))
  const from = stages.slice(0, -1)
  const to = stages.slice(1)
  const cell = (fromStage: string, toStage: string) => {
    if (stages.indexOf(toStage) <= stages.indexOf(fromStage)) return <Dash words="Not a later stage" />
    const rate = rates.get(`${fromStage}>${toStage}`)
    if (rate === undefined) return <Dash words="No figure" />
    if (rate !== null) return percent(rate)
    if (isHiddenFigure(rate, reached(fromStage))) return NOT_SHOWN
    return <Dash words={`None reached ${stageLabel(fromStage).toLowerCase()}`} />
  }
  return (
    <>
      <WideTable label={caption}>
        <Table
          caption={caption}
          captionSize="s"
          firstCellIsHeader
          rows={from}
          rowKey={(stage) => stage}
          columns={[
            { header: 'From', cell: (stage) => stageLabel(stage) },
            ...to.map((toStage) => ({
              header: `To ${stageLabel(toStage).toLowerCase()}`,
              numeric: true,
              cell: (fromStage: string) => cell(fromStage, toStage),
            })),
          ]}
        />
      </WideTable>
      <p className="govuk-body-s">
        Each row is the stage enquiries reached; each column a later stage, and the share of them that went on to reach it. A dash
        means there is no such share: the column’s stage does not come later, or none reached the row’s stage.
      </p>
    </>
  )
}
