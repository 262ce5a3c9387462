import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../api/problems'
import { EMPTY_ANSWERS, channelOf, errorsFromProblem, fieldForApi, firstPageWithError, fromLink, nearestCouncils, onlyTheEventIsWrong, toEnquiryBody } from './answers'

function problem(status: number, body: object): ApiError {
  return new ApiError(new Response(null, { status }), { status, title: 'Problem', type: 'https://fosterhub.org.uk/problems/validation', ...body })
}

describe('the enquiry link', () => {
  it('reads a campaign landing’s council, code and channel', () => {
    const { council, source } = fromLink(new URLSearchParams('council=liverpool&campaign=ab12cd&channel=partner_venue'))
    expect(council).toBe('liverpool')
    expect(source).toEqual({ channel: 'partner_venue', campaignCode: 'AB12CD', linkReferralCode: '', eventId: '', utm: {} })
  })

  it('makes a carer’s share link a referral, and a bare campaign code print', () => {
    expect(fromLink(new URLSearchParams('council=wirral&referral=rzkvry2')).source).toMatchObject({ channel: 'referral', linkReferralCode: 'RZKVRY2' })
    expect(fromLink(new URLSearchParams('campaign=LEAF42')).source.channel).toBe('print')
    expect(fromLink(new URLSearchParams('')).source.channel).toBe('website')
  })

  it('reads an event page’s link: the event, its code, the event channel', () => {
    const id = '0b7e6f9c-3d1a-4c2b-9e8f-1a2b3c4d5e6f'
    const { council, source } = fromLink(new URLSearchParams(`council=sefton&channel=event&event_id=${id}&campaign=EVT123`))
    expect(council).toBe('sefton')
    expect(source).toEqual({ channel: 'event', campaignCode: 'EVT123', linkReferralCode: '', eventId: id, utm: {} })
    // `?event=` works too, and an event alone makes the channel an event.
    expect(fromLink(new URLSearchParams(`event=${id.toUpperCase()}`)).source).toMatchObject({ channel: 'event', eventId: id })
    expect(fromLink(new URLSearchParams('event=not-an-event')).source).toMatchObject({ channel: 'website', eventId: '' })
  })

  it('drops what is malformed, and keeps only known UTM keys', () => {
    const { council, source } = fromLink(new URLSearchParams('council=<x>&campaign=a&channel=fax&utm_source=fb&utm_evil=1'))
    expect(council).toBe('')
    expect(source).toEqual({ channel: 'website', campaignCode: '', linkReferralCode: '', eventId: '', utm: { utm_source: 'fb' } })
  })
})

describe('the enquiry body', () => {
  const answers = {
    ...EMPTY_ANSWERS,
    council: 'liverpool',
    firstName: ' Ann ',
    lastName: 'Lee',
    email: 'ann@example.org',
    postcode: 'l1 8jq',
    interests: ['short_term' as const],
    contactOk: true,
  }

  it('is the smallest valid body when only the required questions are answered', () => {
    expect(toEnquiryBody(answers, fromLink(new URLSearchParams('')).source)).toEqual({
      council: 'liverpool',
      contact: { first_name: 'Ann', last_name: 'Lee', email: 'ann@example.org', phone: null, postcode: 'L1 8JQ' },
      interests: ['short_term'],
      household: null,
      source: { channel: 'website', campaign_code: null, referral_code: null, event_id: null, utm: null },
      consent: { privacy_notice_version: '2026-01', contact_ok: true, marketing_ok: false },
      website: null,
    })
  })

  it('carries the campaign, a typed referral code and the household', () => {
    const source = fromLink(new URLSearchParams('campaign=LEAF42&channel=print&utm_medium=qr')).source
    const body = toEnquiryBody({ ...answers, campaignCode: 'LEAF42', referralCode: 'rzk9', adults: '2', spareBedroom: 'yes' }, source)
    expect(body.source).toEqual({ channel: 'print', campaign_code: 'LEAF42', referral_code: 'RZK9', event_id: null, utm: { utm_medium: 'qr' } })
    expect(body.household).toEqual({ adults: 2, children: null, spare_bedroom: true })
    // From an event's page: the event and its code reach the API.
    const id = '0b7e6f9c-3d1a-4c2b-9e8f-1a2b3c4d5e6f'
    const fromEvent = fromLink(new URLSearchParams(`council=liverpool&channel=event&event_id=${id}&campaign=EVT123`)).source
    expect(toEnquiryBody({ ...answers, campaignCode: 'EVT123' }, fromEvent).source).toEqual({
      channel: 'event',
      campaign_code: 'EVT123',
      referral_code: null,
      event_id: id,
      utm: null,
    })
    // From the website, a typed referral code makes the channel a referral.
    expect(toEnquiryBody({ ...answers, referralCode: 'RZK9' }, fromLink(new URLSearchParams('')).source).source.channel).toBe('referral')
  })

  it('attributes a code typed from a leaflet to its campaign, reached by print', () => {
    const website = fromLink(new URLSearchParams('council=liverpool')).source
    const typed = { ...answers, campaignCode: ' ab12cd ' }
    expect(channelOf(typed, website)).toBe('print')
    expect(toEnquiryBody(typed, website).source).toEqual({ channel: 'print', campaign_code: 'AB12CD', referral_code: null, event_id: null, utm: null })
    // A carer's code as well: a referral, as a share link would be, with the campaign kept.
    expect(toEnquiryBody({ ...typed, referralCode: 'RZKVRY2' }, website).source).toMatchObject({ channel: 'referral', campaign_code: 'AB12CD', referral_code: 'RZKVRY2' })
    // The link's own channel is never overridden by what is typed.
    const fromEvent = fromLink(new URLSearchParams('channel=event&campaign=EVT123')).source
    expect(channelOf({ ...answers, campaignCode: 'EVT123', referralCode: 'RZKVRY2' }, fromEvent)).toBe('event')
    expect(channelOf(answers, website)).toBe('website')
  })
})

describe('API field errors on the journey’s pages', () => {
  it('maps nested and indexed API fields to the journey’s fields', () => {
    expect(fieldForApi('contact.email')).toBe('email')
    expect(fieldForApi('interests.2')).toBe('interests')
    expect(fieldForApi('body.contact.postcode')).toBe('postcode')
    expect(fieldForApi('household.adults')).toBe('adults')
    expect(fieldForApi('website')).toBeNull()
  })

  it('words errors for the public and finds the first page to go back to', () => {
    const errors = errorsFromProblem(
      problem(422, {
        errors: [
          { field: 'consent.contact_ok', message: 'Input should be True' },
          { field: 'contact.first_name', message: 'Value error, Names may use letters, spaces, hyphens and apostrophes only' },
          { field: 'source.campaign_code', message: 'We do not recognise this code' },
          { field: 'contact.email', message: 'value is not a valid email address: An email address must have an @-sign.' },
        ],
      }),
    )
    expect(errors).toEqual({
      consent: 'Select that we may contact you about your enquiry',
      'first-name': 'Names may use letters, spaces, hyphens and apostrophes only',
      'campaign-code': 'We do not recognise this code',
      email: 'Enter an email address in the correct format, like name@example.com',
    })
    expect(firstPageWithError(errors)).toBe('name')
    // An unknown code goes back to the code question, on its own field.
    const unknown = errorsFromProblem(problem(422, { errors: [{ field: 'source.referral_code', message: 'We do not recognise this referral code' }] }))
    expect(unknown).toEqual({ 'referral-code': 'We do not recognise this referral code' })
    expect(firstPageWithError(unknown)).toBe('code')
    expect(firstPageWithError({ form: 'Oops' })).toBeNull()
  })

  it('says a postcode is not covered and offers the nearest councils', () => {
    const error = problem(422, {
      type: 'https://fosterhub.org.uk/problems/postcode-not-covered',
      errors: [{ field: 'contact.postcode', message: 'Not covered by this service' }],
      nearest_councils: [{ slug: 'halton', name: 'Halton Borough Council', region: 'lcr' }, { nope: 1 }],
    })
    expect(errorsFromProblem(error)).toEqual({ postcode: 'None of the councils on this service covers your postcode' })
    expect(nearestCouncils(error)).toEqual([{ slug: 'halton', name: 'Halton Borough Council', region: 'lcr', distance_km: null }])
    // The routing answer's distances come through when the postcode's position is known.
    const placed = problem(404, {
      type: 'https://fosterhub.org.uk/problems/postcode-not-covered',
      nearest_councils: [{ slug: 'wirral', name: 'Wirral Council', region: null, distance_km: 12.5 }],
    })
    expect(nearestCouncils(placed)).toEqual([{ slug: 'wirral', name: 'Wirral Council', region: null, distance_km: 12.5 }])
  })

  it('makes problems without fields, rate limits and outages a message for the whole form', () => {
    expect(errorsFromProblem(problem(409, { detail: 'Key reused' }))).toEqual({ form: 'Key reused' })
    expect(errorsFromProblem(problem(429, {})).form).toMatch(/Wait a minute/)
    expect(errorsFromProblem(problem(503, {})).form).toMatch(/problem with the service/)
    expect(errorsFromProblem(new TypeError('offline')).form).toMatch(/problem with the service/)
  })
})

describe('an event the visitor cannot fix', () => {
  it('is told apart from errors they can', () => {
    expect(onlyTheEventIsWrong(problem(422, { errors: [{ field: 'source.event_id', message: 'We do not recognise this event' }] }))).toBe(true)
    expect(
      onlyTheEventIsWrong(
        problem(422, {
          errors: [
            { field: 'source.event_id', message: 'We do not recognise this event' },
            { field: 'contact.email', message: 'Not an email' },
          ],
        }),
      ),
    ).toBe(false)
    expect(onlyTheEventIsWrong(problem(429, {}))).toBe(false)
    expect(onlyTheEventIsWrong(new Error('offline'))).toBe(false)
  })
})
