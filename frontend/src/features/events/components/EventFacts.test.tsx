import { render } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { EventOut } from '../vocabulary'
import { attendanceMode, eventStatusUrl, seatsText } from '../vocabulary'
import { EventList } from './EventList'

const EVENT: EventOut = {
  id: 'e1',
  council: { slug: 'liverpool', name: 'Liverpool City Council' },
  cohosts: [{ slug: 'wirral', name: 'Wirral Council' }],
  kind: 'information_evening',
  title: 'Information evening',
  description: null,
  venue: { name: 'Community room', address: '1 Church St', postcode: 'L1 1DA' },
  is_online: false,
  partner_organisation: null,
  starts_at: '2027-07-01T18:00:00+01:00',
  ends_at: '2027-07-01T20:00:00+01:00',
  time_zone: 'Europe/London',
  capacity: 30,
  seats_left: 1,
  is_full: false,
  audience: 'public',
  status: 'published',
  campaign_code: 'ABC123',
  course_id: null,
  enquiry_url: 'https://example.org/enquire',
  distance_km: null,
  staff: null,
}

describe('events as schema.org microdata', () => {
  it('marks each listed event up as an Event with its name, dates, place, status and mode', () => {
    const { container } = render(
      <MemoryRouter>
        <EventList events={[EVENT]} />
      </MemoryRouter>,
    )
    const item = container.querySelector('[itemscope][itemtype="https://schema.org/Event"]')
    expect(item).not.toBeNull()
    expect(item?.querySelector('[itemprop="name"]')?.textContent).toBe('Information evening')
    expect(item?.querySelector('time[itemprop="startDate"]')?.getAttribute('datetime')).toBe(EVENT.starts_at)
    expect(item?.querySelector('meta[itemprop="endDate"]')?.getAttribute('content')).toBe(EVENT.ends_at)
    expect(item?.querySelector('link[itemprop="eventStatus"]')?.getAttribute('href')).toBe('https://schema.org/EventScheduled')
    expect(item?.querySelector('link[itemprop="eventAttendanceMode"]')?.getAttribute('href')).toBe(
      'https://schema.org/OfflineEventAttendanceMode',
    )
    const place = item?.querySelector('[itemprop="location"][itemtype="https://schema.org/Place"]')
    expect(place?.querySelector('[itemprop="postalCode"]')?.textContent).toBe('L1 1DA')
    expect(item?.querySelector('a[itemprop="url"]')?.getAttribute('href')).toBe('/councils/liverpool/events/e1')
    // React leaves microdata <meta> and <link> where they are rather than hoisting them to <head>.
    expect(document.head.querySelector('[itemprop]')).toBeNull()
  })

  it('names the attendance mode and status schema.org uses', () => {
    expect(attendanceMode({ venue: null, is_online: true })).toBe('https://schema.org/OnlineEventAttendanceMode')
    expect(attendanceMode({ venue: EVENT.venue, is_online: true })).toBe('https://schema.org/MixedEventAttendanceMode')
    expect(eventStatusUrl('cancelled')).toBe('https://schema.org/EventCancelled')
  })

  it('says how many places are left', () => {
    expect(seatsText({ capacity: 30, seats_left: 1 })).toBe('1 place left')
    expect(seatsText({ capacity: 30, seats_left: 12 })).toBe('12 places left')
    expect(seatsText({ capacity: 30, seats_left: 0 })).toBe('Full: you can join the waiting list')
    expect(seatsText({ capacity: null, seats_left: null })).toBe('Open to all, no limit on places')
  })
})
