/** Words for the recruitment vocabulary of API.md: stages, channels, contact attempts. */
import type { Schemas } from '../api/client'
import type { TagColour } from '../components/govuk/Tag'

export type Stage = Schemas['EnquirySummary']['stage']
export type Channel = Schemas['SourceIn']['channel']

export const STAGE_NAMES: Record<Stage, string> = {
  enquiry: 'New enquiry',
  initial_contact: 'Initial contact',
  initial_visit: 'Initial visit',
  application: 'Application (stage 1)',
  assessment: 'Assessment (stage 2)',
  panel: 'Panel',
  approved: 'Approved',
  withdrawn: 'Withdrawn',
  not_progressed: 'Not progressed',
  no_response: 'No response',
  transferred: 'Transferred',
}

export const STAGES = Object.keys(STAGE_NAMES) as Stage[]
export const OPEN_STAGES: readonly Stage[] = ['enquiry', 'initial_contact', 'initial_visit', 'application', 'assessment', 'panel']
export const CLOSING_STAGES: readonly Stage[] = ['withdrawn', 'not_progressed', 'no_response', 'transferred']

export function isStage(value: string | null | undefined): value is Stage {
  return value !== null && value !== undefined && value in STAGE_NAMES
}

export function stageName(stage: string): string {
  return isStage(stage) ? STAGE_NAMES[stage] : stage
}

export function stageColour(stage: string): TagColour {
  if (stage === 'approved') return 'green'
  if (stage === 'withdrawn' || stage === 'not_progressed') return 'grey'
  if (stage === 'no_response' || stage === 'transferred') return 'yellow'
  if (stage === 'panel' || stage === 'assessment' || stage === 'application') return 'purple'
  return 'blue'
}

export const CHANNEL_NAMES: Record<Channel, string> = {
  website: 'Website',
  social_media: 'Social media',
  print: 'Leaflet or poster',
  event: 'Event',
  radio_tv: 'Radio or TV',
  word_of_mouth: 'Word of mouth',
  referral: 'A foster carer’s referral',
  partner_venue: 'Partner venue',
  other: 'Other',
}

export const CHANNELS = Object.keys(CHANNEL_NAMES) as Channel[]

export function isChannel(value: string | null | undefined): value is Channel {
  return value !== null && value !== undefined && value in CHANNEL_NAMES
}

export function channelName(channel: string): string {
  return isChannel(channel) ? CHANNEL_NAMES[channel] : channel
}

export type ContactChannel = Schemas['ContactAttemptCreate']['channel']
export type ContactOutcome = Schemas['ContactAttemptCreate']['outcome']

export const CONTACT_CHANNELS: Record<ContactChannel, string> = {
  phone: 'Phone',
  email: 'Email',
  text: 'Text message',
  letter: 'Letter',
  in_person: 'In person',
  video: 'Video call',
}

export const CONTACT_OUTCOMES: Record<ContactOutcome, string> = {
  reached: 'Spoke to them',
  no_answer: 'No answer',
  left_message: 'Left a message',
  wrong_number: 'Wrong number',
  email_sent: 'Email sent',
  bounced: 'Email bounced',
}

/** The privacy notice version people agree to when they enquire (on the web or at an event). */
export const PRIVACY_NOTICE_VERSION = '2026-01'
