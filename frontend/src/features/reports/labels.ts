/** Words for the API's report vocabularies (stages, channels, split groups). */
import { formatDate } from '../../lib/format'

const STAGES: Record<string, string> = {
  enquiry: 'Enquiry',
  initial_contact: 'Initial contact',
  initial_visit: 'Initial visit',
  application: 'Application',
  assessment: 'Assessment',
  panel: 'Panel',
  approved: 'Approved',
  withdrawn: 'Withdrawn',
  not_progressed: 'Not progressed',
  no_response: 'No response',
  transferred: 'Transferred',
}

const CHANNELS: Record<string, string> = {
  website: 'Website',
  social_media: 'Social media',
  print: 'Print',
  event: 'Event',
  radio_tv: 'Radio or TV',
  word_of_mouth: 'Word of mouth',
  referral: 'Referral',
  partner_venue: 'Partner venue',
  other: 'Other',
}

export const SPLITS = {
  channel: 'Channel',
  campaign: 'Campaign code',
  event: 'Event',
  ambassador: 'Ambassador code',
  referral: 'Referred or not',
} as const

export type SplitBy = keyof typeof SPLITS

/** What a council's funnel can be split by: every kind of source. */
export const COUNCIL_SPLITS: readonly SplitBy[] = ['channel', 'campaign', 'event', 'ambassador', 'referral']

/** What a region's funnel can be split by: only what names nobody (codes and events are councils' own). */
export const REGIONAL_SPLITS = ['channel', 'referral'] as const satisfies readonly SplitBy[]

export type RegionalSplitBy = (typeof REGIONAL_SPLITS)[number]

/** True when `value` is one of `allowed` (by default any split a council's funnel takes). */
export function isSplitBy(value: string | null, allowed: readonly SplitBy[] = COUNCIL_SPLITS): value is SplitBy {
  return value !== null && allowed.includes(value as SplitBy)
}

export function isRegionalSplitBy(value: string | null): value is RegionalSplitBy {
  return isSplitBy(value, REGIONAL_SPLITS)
}

/** "split by channel", "split by whether they were referred": a split in a caption. */
export function splitCaption(by: SplitBy): string {
  return `split by ${by === 'referral' ? 'whether they were referred' : by}`
}

/** `not_progressed` → "Not progressed": a readable fallback for values added later. */
export function humanise(value: string): string {
  const words = value.replace(/_/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : value
}

export function stageLabel(stage: string): string {
  return STAGES[stage] ?? humanise(stage)
}

export function channelLabel(channel: string): string {
  return CHANNELS[channel] ?? humanise(channel)
}

/**
 * A funnel split's group: its label when the API has one (an event's with its day), otherwise
 * words for its key. An event the council may not name (or one since deleted) reads "Unnamed event" with its id.
 */
export function splitLabel(by: SplitBy, key: string, label: string | null | undefined, startsOn?: string | null): string {
  if (key === 'none') return by === 'referral' ? 'Not referred' : `No ${SPLITS[by].toLowerCase()}`
  if (label) return startsOn ? `${label} (${formatDate(startsOn)})` : label
  if (by === 'event') return `Unnamed event (${key})`
  if (by === 'channel') return channelLabel(key)
  if (by === 'referral') return key === 'referred' ? 'Referred' : humanise(key)
  return key
}
