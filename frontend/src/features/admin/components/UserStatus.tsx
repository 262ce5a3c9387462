import { Tag } from '../../../components/govuk/Tag'

export function UserStatus({ active }: { active: boolean }) {
  return active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>
}
