import { Tag } from '../../../components/govuk/Tag'
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../vocabulary'

export function HouseholdStatusTag({ status }: { status: HouseholdStatus }) {
  const { name, colour } = HOUSEHOLD_STATUSES[status]
  return <Tag colour={colour}>{name}</Tag>
}
