import { Tag } from '../../../components/govuk/Tag'
import { stageColour, stageName } from '../../../lib/vocabulary'

export function StageTag({ stage }: { stage: string }) {
  return <Tag colour={stageColour(stage)}>{stageName(stage)}</Tag>
}

export function OverdueTag() {
  return <Tag colour="red">Overdue</Tag>
}
