import { describe, expect, it } from 'vitest'
import { londonDateTime, londonDay, parseTime, whenText, londonWallClock } from './london-time'

describe('clock times staff type', () => {
  it.each([
    ['18:00', { hour: 18, minute: 0 }],
    ['6pm', { hour: 18, minute: 0 }],
    ['6:30pm', { hour: 18, minute: 30 }],
    ['6.30 PM', { hour: 18, minute: 30 }],
    ['9am', { hour: 9, minute: 0 }],
    ['12am', { hour: 0, minute: 0 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['midday', { hour: 12, minute: 0 }],
    ['09:15', { hour: 9, minute: 15 }],
  ])('reads %s', (text, expected) => expect(parseTime(text)).toEqual(expected))

  it.each(['', '6', '25:00', '13pm', '6:75pm', 'tea time'])('refuses %j', (text) => expect(parseTime(text)).toBeNull())
})

describe('London times for the API', () => {
  it('is GMT in winter and BST in summer', () => {
    expect(londonDateTime('2027-01-20', { hour: 18, minute: 0 })).toBe('2027-01-20T18:00:00+00:00')
    expect(londonDateTime('2027-07-01', { hour: 9, minute: 30 })).toBe('2027-07-01T09:30:00+01:00')
  })

  it('gets the change-over days right', () => {
    // Clocks go forward at 1am on 28 March 2027 and back at 2am on 31 October 2027.
    expect(londonDateTime('2027-03-28', { hour: 0, minute: 30 })).toBe('2027-03-28T00:30:00+00:00')
    expect(londonDateTime('2027-03-28', { hour: 10, minute: 0 })).toBe('2027-03-28T10:00:00+01:00')
    expect(londonDateTime('2027-10-31', { hour: 10, minute: 0 })).toBe('2027-10-31T10:00:00+00:00')
  })

  it('names the London day of an instant, not the browser’s', () => {
    expect(londonDay('2027-07-01T23:30:00Z')).toBe('2027-07-02')
    expect(londonDay('2027-01-01T23:30:00Z')).toBe('2027-01-01')
  })

  it('writes when an event is the GOV.UK way', () => {
    expect(whenText('2027-01-20T18:00:00+00:00', '2027-01-20T20:30:00+00:00')).toBe('Wednesday 20 January 2027, 6pm to 8:30pm')
    expect(whenText('2027-01-20T18:00:00+00:00', '2027-01-21T09:00:00+00:00')).toBe(
      'Wednesday 20 January 2027, 6pm to Thursday 21 January 2027, 9am',
    )
  })
})

describe('the London wall clock of an answer, for editing', () => {
  it('reads the numeric offsets the API answers', () => {
    expect(londonWallClock('2027-01-05T18:00:00+00:00')).toEqual({ date: '2027-01-05', time: '18:00' })
    expect(londonWallClock('2027-07-01T18:30:00+01:00')).toEqual({ date: '2027-07-01', time: '18:30' })
    expect(londonWallClock('2027-07-01T23:30:00Z')).toEqual({ date: '2027-07-02', time: '00:30' })
  })
})
