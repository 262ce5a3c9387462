/** Words for training records: how each course stands, and the TSD standards. */
import type { Schemas } from '../../api/client'
import type { TagColour } from '../../components/govuk/Tag'

export type CourseState = Schemas['CourseStanding']['state']
export type TrainingRecord = Schemas['TrainingRecord']

export const STATE_NAMES: Record<CourseState, string> = {
  current: 'Up to date',
  expiring: 'Expires soon',
  expired: 'Expired',
  not_done: 'Not done',
}
export const STATE_COLOURS: Record<CourseState, TagColour> = {
  current: 'green',
  expiring: 'yellow',
  expired: 'red',
  not_done: 'grey',
}

/** "Valid for 3 years", "Valid for 18 months", "Does not expire". */
export function validityText(months: number | null): string {
  if (months === null) return 'Does not expire'
  if (months % 12 === 0) return `Valid for ${months / 12} ${months === 12 ? 'year' : 'years'}`
  return `Valid for ${months} ${months === 1 ? 'month' : 'months'}`
}

/** "14 days left", "Due today", "3 days overdue". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'Due today'
  if (days < 0) return `${-days} ${days === -1 ? 'day' : 'days'} overdue`
  return `${days} ${days === 1 ? 'day' : 'days'} left`
}
