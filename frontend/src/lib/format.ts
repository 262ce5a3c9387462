/** Dates, times and labels written the GOV.UK way ("5 January 2027 at 6:30pm"). */
import type { Schemas } from '../api/client'

const TIME_ZONE = 'Europe/London'

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE })
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: TIME_ZONE })

function parse(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export function formatDate(value: string | Date): string {
  const date = parse(value)
  return date ? dateFormat.format(date) : ''
}

export function formatTime(value: string | Date): string {
  const date = parse(value)
  if (!date) return ''
  // GOV.UK style: 9am, 6:30pm, midday, midnight.
  const parts = timeFormat.formatToParts(date)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? ''
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replace(/\./g, '')
  if (minute === '00' && hour === '12') return period === 'am' ? 'midnight' : 'midday'
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`
}

export function formatDateTime(value: string | Date): string {
  const date = parse(value)
  return date ? `${formatDate(date)} at ${formatTime(date)}` : ''
}

export type FosteringType = Schemas['CouncilDetail']['fostering_types'][number]

export const FOSTERING_TYPES: Record<FosteringType, { name: string; description: string }> = {
  emergency: { name: 'Emergency fostering', description: 'Looking after a child at short notice, often overnight, until a longer plan is made.' },
  short_term: { name: 'Short-term fostering', description: 'Caring for a child for weeks or months while plans are made for their future.' },
  long_term: { name: 'Long-term fostering', description: 'Giving a child a home until they grow up, when they cannot return to their family.' },
  short_breaks: { name: 'Short breaks', description: 'Regular short stays for disabled children, giving families a break.' },
  parent_and_child: { name: 'Parent and child fostering', description: 'Supporting a parent and their baby to stay together safely.' },
  therapeutic: { name: 'Therapeutic fostering', description: 'Caring for children who need extra support after difficult experiences.' },
  family_and_friends: { name: 'Family and friends care', description: 'Looking after a child you already know, such as a grandchild or a friend’s child.' },
  unsure: { name: 'Not sure yet', description: 'Talk to us and we will help you find what suits you.' },
}

export function fosteringTypeName(type: string): string {
  return type in FOSTERING_TYPES ? FOSTERING_TYPES[type as FosteringType].name : type
}
