/**
 * Events happen in Europe/London time. Staff type a date and a clock time; the API wants
 * RFC 3339 with the offset of that moment (GMT in winter, BST in summer), and the pages show
 * times in London whatever the browser's own time zone.
 */
import { formatDate, formatTime } from '../../lib/format'

const ZONE = 'Europe/London'

export interface ClockTime {
  hour: number
  minute: number
}

/** "18:00", "6pm", "6:30pm", "6.30 pm", "09:15", "midday", "midnight" → hours and minutes. */
export function parseTime(text: string): ClockTime | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, '')
  if (value === 'midday' || value === 'noon' || value === '12noon') return { hour: 12, minute: 0 }
  if (value === 'midnight') return { hour: 0, minute: 0 }
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(value)
  if (!match) return null
  let hour = Number(match[1])
  const minute = match[2] === undefined ? 0 : Number(match[2])
  const period = match[3]
  if (minute > 59) return null
  if (period) {
    if (hour < 1 || hour > 12) return null
    if (period === 'am') hour = hour === 12 ? 0 : hour
    else hour = hour === 12 ? 12 : hour + 12
  } else if (match[2] === undefined || hour > 23) {
    // "6" alone is ambiguous (morning or evening?): ask for am, pm or a 24-hour time.
    return null
  }
  return { hour, minute }
}

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })

/** London's offset from UTC at an instant, in minutes (0 or 60). */
export function londonOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** A London wall-clock date and time as RFC 3339 with its offset: `2027-07-01T18:00:00+01:00`. */
export function londonDateTime(isoDate: string, time: ClockTime): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, time.hour, time.minute)
  // The offset of the instant that wall time names; the second guess settles the change-over days.
  let offset = londonOffsetMinutes(wall - londonOffsetMinutes(wall) * 60_000)
  offset = londonOffsetMinutes(wall - offset * 60_000)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${isoDate}T${pad(time.hour)}:${pad(time.minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** The London date (`YYYY-MM-DD`) of an instant: "today" for the check-in desk. */
export function londonDay(value: string | Date): string {
  return dayFormat.format(value instanceof Date ? value : new Date(value))
}

const weekdayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'long' })

/** "Wednesday 20 January 2027, 6pm to 8pm", or across days "… 6pm to Thursday 21 January 2027, 9am". */
export function whenText(startsAt: string, endsAt: string): string {
  const starts = new Date(startsAt)
  const ends = new Date(endsAt)
  const day = (date: Date) => `${weekdayFormat.format(date)} ${formatDate(date)}`
  if (londonDay(starts) === londonDay(ends)) return `${day(starts)}, ${formatTime(starts)} to ${formatTime(ends)}`
  return `${day(starts)}, ${formatTime(starts)} to ${day(ends)}, ${formatTime(ends)}`
}

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The London wall clock of an instant: `{ date: '2027-07-01', time: '18:00' }`, for editing. */
export function londonWallClock(value: string | Date): { date: string; time: string } {
  const parts = Object.fromEntries(wallFormat.formatToParts(value instanceof Date ? value : new Date(value)).map((p) => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}
