import { Tag } from '../../../components/govuk/Tag'
import { REFERRAL_STATUSES, type ReferralStatus } from '../vocabulary'

export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const { name, colour } = REFERRAL_STATUSES[status]
  return <Tag colour={colour}>{name}</Tag>
}
