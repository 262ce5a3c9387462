/** Words for the events vocabulary of API.md: kinds, audiences, statuses, registration statuses. */
import type { Schemas } from '../../api/client'
import type { TagColour } from '../../components/govuk/Tag'

export type EventOut = Schemas['EventOut']
export type EventKind = EventOut['kind']
export type Audience = EventOut['audience']
export type EventStatus = EventOut['status']
export type RegistrationStatus = Schemas['RegistrationOut']['status']

export const KIND_NAMES: Record<EventKind, string> = {
  drop_in: 'Drop-in',
  information_evening: 'Information evening',
  webinar: 'Webinar',
  stall: 'Stall',
  celebration: 'Celebration',
  training: 'Training session',
}
export const KINDS = Object.keys(KIND_NAMES) as EventKind[]

export function isKind(value: string | null | undefined): value is EventKind {
  return value !== null && value !== undefined && value in KIND_NAMES
}

export const AUDIENCE_NAMES: Record<Audience, string> = {
  public: 'The public',
  carers: 'Foster carers',
  applicants: 'Applicants',
  staff: 'Staff',
}
export const AUDIENCES = Object.keys(AUDIENCE_NAMES) as Audience[]

export const STATUS_NAMES: Record<EventStatus, string> = { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' }
export const STATUS_COLOURS: Record<EventStatus, TagColour> = { draft: 'grey', published: 'green', cancelled: 'red' }

export const REGISTRATION_NAMES: Record<RegistrationStatus, string> = {
  confirmed: 'Confirmed',
  waitlisted: 'Waiting list',
  cancelled: 'Cancelled',
  attended: 'Checked in',
  no_show: 'Did not come',
}
export const REGISTRATION_COLOURS: Record<RegistrationStatus, TagColour> = {
  confirmed: 'blue',
  waitlisted: 'yellow',
  cancelled: 'grey',
  attended: 'green',
  no_show: 'red',
}
export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_NAMES) as RegistrationStatus[]

export function isRegistrationStatus(value: string | null | undefined): value is RegistrationStatus {
  return value !== null && value !== undefined && value in REGISTRATION_NAMES
}

/** "18 places left", "1 place left", "Full: join the waiting list", "No limit". */
export function seatsText(event: Pick<EventOut, 'seats_left' | 'capacity'>): string {
  if (event.seats_left === null || event.capacity === null) return 'Open to all, no limit on places'
  if (event.seats_left === 0) return 'Full: you can join the waiting list'
  return `${event.seats_left} ${event.seats_left === 1 ? 'place' : 'places'} left`
}

/** The schema.org attendance mode: at a venue, online, or both. */
export function attendanceMode(event: Pick<EventOut, 'venue' | 'is_online'>): string {
  const base = 'https://schema.org/'
  if (event.venue && event.is_online) return `${base}MixedEventAttendanceMode`
  if (event.is_online) return `${base}OnlineEventAttendanceMode`
  return `${base}OfflineEventAttendanceMode`
}

export function eventStatusUrl(status: EventStatus): string {
  return `https://schema.org/${status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`
}
