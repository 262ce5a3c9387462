/** Words for campaigns and referrals. */
import type { Schemas } from '../../api/client'
import type { TagColour } from '../../components/govuk/Tag'

export type AmbassadorType = NonNullable<Schemas['CampaignCreate']['ambassador_type']>
export type CampaignKind = 'campaign' | 'ambassador' | 'event'
export type ReferralStatus = Schemas['ReferralOut']['status']

export const AMBASSADOR_TYPES: Record<AmbassadorType, string> = {
  champion: 'Foster carer champion',
  councillor: 'Councillor',
  partner_business: 'Partner business',
  staff: 'Member of staff',
  other: 'Other',
}

export const KIND_NAMES: Record<CampaignKind, string> = {
  campaign: 'Campaign',
  ambassador: 'Ambassador’s code',
  event: 'Event',
}

export function kindName(kind: string): string {
  return kind in KIND_NAMES ? KIND_NAMES[kind as CampaignKind] : kind
}

export function ambassadorName(type: string | null | undefined): string {
  return type && type in AMBASSADOR_TYPES ? AMBASSADOR_TYPES[type as AmbassadorType] : (type ?? '')
}

export const REFERRAL_STATUSES: Record<ReferralStatus, { name: string; colour: TagColour }> = {
  pending: { name: 'Pending', colour: 'grey' },
  due: { name: 'Reward due', colour: 'orange' },
  paid: { name: 'Paid', colour: 'green' },
  void: { name: 'Void', colour: 'red' },
}
