/**
 * The public enquiry's answers, kept in memory while the person moves through the question
 * pages, and what becomes of them: the API's body, and the API's field errors placed back on
 * the page and field they came from.
 */
import type { Schemas } from '../../../api/client'
import { ApiError } from '../../../api/problems'
import type { FosteringType } from '../../../lib/format'
import { isChannel, PRIVACY_NOTICE_VERSION, type Channel } from '../../../lib/vocabulary'

export { PRIVACY_NOTICE_VERSION }

/** The question pages, in order. */
export const STEPS = ['name', 'contact', 'postcode', 'interests', 'household', 'code', 'consent'] as const
export type Step = (typeof STEPS)[number]
export type JourneyPage = Step | 'check'

/** Where the person came from: read from the address they arrived at, never asked. */
export interface Source {
  channel: Channel
  campaignCode: string
  /** A referral code that came in a carer's share link. */
  linkReferralCode: string
  /** The event whose page (or stall's code) the person came from: `?event=` or `?event_id=`. */
  eventId: string
  utm: Record<string, string>
}

export interface Answers {
  /** The council's slug: from the link, or found from the postcode. */
  council: string
  /** True when the council came with the link (a campaign, a council's page, a carer's share link). */
  councilFromLink: boolean
  firstName: string
  lastName: string
  email: string
  phone: string
  postcode: string
  interests: FosteringType[]
  adults: string
  children: string
  spareBedroom: '' | 'yes' | 'no'
  referralCode: string
  campaignCode: string
  contactOk: boolean
  marketingOk: boolean
}

export const EMPTY_ANSWERS: Answers = {
  council: '',
  councilFromLink: false,
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  postcode: '',
  interests: [],
  adults: '',
  children: '',
  spareBedroom: '',
  referralCode: '',
  campaignCode: '',
  contactOk: false,
  marketingOk: false,
}

const CODE = /^[A-Za-z0-9-]{4,16}$/
const EVENT_ID = /^[0-9a-f-]{36}$/
const SLUG = /^[a-z0-9-]{2,64}$/
const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const

/**
 * The campaign landing sends `?council=&campaign=&channel=`, a carer's share link
 * `?council=&referral=`, an event's page `?council=&channel=event&event_id=&campaign=` (or
 * `?event=`). Unknown or malformed values are dropped: they are not the visitor's to fix. The
 * channel follows the backend's plain form: the link's own channel, else a referral for a
 * share link, an event for an event's link, a printed code for a campaign, the website
 * otherwise.
 */
export function fromLink(params: URLSearchParams): { council: string; source: Source } {
  const council = (params.get('council') ?? '').trim().toLowerCase()
  const campaign = (params.get('campaign') ?? '').trim()
  const referral = (params.get('referral') ?? '').trim()
  const channel = params.get('channel')
  const event = (params.get('event') ?? params.get('event_id') ?? '').trim().toLowerCase()
  const eventId = EVENT_ID.test(event) ? event : ''
  const campaignCode = CODE.test(campaign) ? campaign.toUpperCase() : ''
  const linkReferralCode = CODE.test(referral) ? referral.toUpperCase() : ''
  const utm: Record<string, string> = {}
  for (const key of UTM_KEYS) {
    const value = params.get(key)
    if (value) utm[key] = value.slice(0, 200)
  }
  return {
    council: SLUG.test(council) ? council : '',
    source: {
      channel:
        isChannel(channel) && channel !== 'website'
          ? channel
          : linkReferralCode
            ? 'referral'
            : eventId
              ? 'event'
              : campaignCode
                ? 'print'
                : 'website',
      campaignCode,
      linkReferralCode,
      eventId,
      utm,
    },
  }
}

function optionalNumber(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim())
}

export type EnquiryBody = Schemas['EnquiryCreate']

/**
 * The enquiry's channel: the link's, except that someone who came from the website and typed a
 * code in was still reached by it. A carer's referral code makes it a referral, as a share
 * link would; a campaign's code makes it print, as a bare `?campaign=` does (the code from a
 * leaflet, poster or card).
 */
export function channelOf(answers: Answers, source: Source): Channel {
  if (source.channel !== 'website') return source.channel
  if (answers.referralCode.trim()) return 'referral'
  if (answers.campaignCode.trim()) return 'print'
  return source.channel
}

/** The body of `POST /enquiries` from the answers. */
export function toEnquiryBody(answers: Answers, source: Source): EnquiryBody {
  const referral = answers.referralCode.trim().toUpperCase()
  const campaign = answers.campaignCode.trim().toUpperCase()
  const adults = optionalNumber(answers.adults)
  const children = optionalNumber(answers.children)
  const household =
    adults !== null || children !== null || answers.spareBedroom
      ? {
          adults,
          children,
          spare_bedroom: answers.spareBedroom ? answers.spareBedroom === 'yes' : null,
        }
      : null
  return {
    council: answers.council || null,
    contact: {
      first_name: answers.firstName.trim(),
      last_name: answers.lastName.trim(),
      email: answers.email.trim(),
      phone: answers.phone.trim() || null,
      postcode: answers.postcode.trim().toUpperCase(),
    },
    interests: answers.interests,
    household,
    source: {
      channel: channelOf(answers, source),
      campaign_code: campaign || null,
      referral_code: referral || null,
      event_id: source.eventId || null,
      utm: Object.keys(source.utm).length ? source.utm : null,
    },
    consent: {
      privacy_notice_version: PRIVACY_NOTICE_VERSION,
      contact_ok: true,
      marketing_ok: answers.marketingOk,
    },
    website: null,
  }
}

/** The form fields of the question pages: each field's id is unique across the journey. */
export type FieldId =
  | 'first-name'
  | 'last-name'
  | 'email'
  | 'phone'
  | 'postcode'
  | 'council'
  | 'interests'
  | 'adults'
  | 'children'
  | 'spare-bedroom'
  | 'referral-code'
  | 'campaign-code'
  | 'consent'

export const FIELD_PAGES: Record<FieldId, Step> = {
  'first-name': 'name',
  'last-name': 'name',
  email: 'contact',
  phone: 'contact',
  postcode: 'postcode',
  council: 'postcode',
  interests: 'interests',
  adults: 'household',
  children: 'household',
  'spare-bedroom': 'household',
  'referral-code': 'code',
  'campaign-code': 'code',
  consent: 'consent',
}

/** The API's field names (`errors[].field`) → the journey's fields. */
const API_FIELDS: Record<string, FieldId> = {
  council: 'council',
  'contact.first_name': 'first-name',
  'contact.last_name': 'last-name',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.postcode': 'postcode',
  interests: 'interests',
  'household.adults': 'adults',
  'household.children': 'children',
  'household.spare_bedroom': 'spare-bedroom',
  'source.referral_code': 'referral-code',
  'source.campaign_code': 'campaign-code',
  'consent.contact_ok': 'consent',
}

/** Whether a problem is only about the event the link named (not the visitor's to fix). */
export function onlyTheEventIsWrong(error: unknown): boolean {
  return error instanceof ApiError && error.fieldErrors.length > 0 && error.fieldErrors.every((e) => e.field.replace(/^body\./, '') === 'source.event_id')
}

/** Friendlier words for what the API says about a field, in the GOV.UK style. */
const MESSAGES: Partial<Record<FieldId, string>> = {
  'first-name': 'Enter your first name',
  'last-name': 'Enter your last name',
  email: 'Enter an email address in the correct format, like name@example.com',
  phone: 'Enter a UK phone number, like 07700 900 982 or 0151 496 0000',
  postcode: 'Enter a full UK postcode, like L1 8JQ',
  interests: 'Select the kinds of fostering you are interested in',
  adults: 'Enter the number of adults as a number from 1 to 10',
  children: 'Enter the number of children as a number from 0 to 20',
  consent: 'Select that we may contact you about your enquiry',
}

/**
 * Where an API field error belongs: `contact.email` → the contact page's `email` field;
 * `interests.2` → `interests`. `null` for a field no page shows.
 */
export function fieldForApi(field: string): FieldId | null {
  const parts = field.replace(/^body\./, '').split('.')
  for (let end = parts.length; end > 0; end--) {
    const found = API_FIELDS[parts.slice(0, end).join('.')]
    if (found) return found
  }
  return null
}

export type JourneyErrors = Partial<Record<FieldId | 'form', string>>

/**
 * An API error as errors on the journey's fields. The API's own message is kept where it says
 * something the field's usual message would not (an unknown code, a postcode nobody covers).
 */
export function errorsFromProblem(error: unknown): JourneyErrors {
  if (!(error instanceof ApiError)) return { form: 'Sorry, there is a problem with the service. Try again later.' }
  if (error.status === 429) return { form: 'You have sent several enquiries in a short time. Wait a minute and try again.' }
  if (error.status >= 500) return { form: 'Sorry, there is a problem with the service. Try again later.' }
  const errors: JourneyErrors = {}
  for (const { field, message } of error.fieldErrors) {
    const id = fieldForApi(field)
    if (!id) {
      errors.form ??= message
      continue
    }
    if (errors[id]) continue
    const text = message.replace(/^Value error, /, '')
    // Pydantic's own wording ("String should have at least 1 character") is not for the public.
    const generic = /should have at least|field required|missing|input should be|not a valid email/i.test(text)
    errors[id] =
      id === 'postcode' && error.type === 'postcode-not-covered'
        ? 'None of the councils on this service covers your postcode'
        : generic
          ? (MESSAGES[id] ?? text)
          : text
  }
  if (!error.fieldErrors.length) errors.form = error.problem?.detail ?? error.problem?.title ?? error.message
  return errors
}

/** The first question page with an error, in the journey's order. */
export function firstPageWithError(errors: JourneyErrors): Step | null {
  const pages = (Object.keys(errors) as (FieldId | 'form')[])
    .filter((key): key is FieldId => key !== 'form' && Boolean(errors[key]))
    .map((key) => FIELD_PAGES[key])
  return STEPS.find((step) => pages.includes(step)) ?? null
}

/**
 * The councils a postcode-not-covered problem suggests (`nearest_councils`), if any: the
 * nearest with their `distance_km` when the postcode's position is known, otherwise every
 * council on the service (distance null).
 */
export function nearestCouncils(error: unknown): Schemas['NearestCouncil'][] {
  if (!(error instanceof ApiError) || !error.problem) return []
  const nearest: unknown = (error.problem as Record<string, unknown>).nearest_councils
  if (!Array.isArray(nearest)) return []
  return nearest
    .filter(
      (c): c is Record<string, unknown> & { slug: string; name: string } =>
        typeof c === 'object' && c !== null && typeof (c as { slug?: unknown }).slug === 'string' && typeof (c as { name?: unknown }).name === 'string',
    )
    .map((c) => ({
      slug: c.slug,
      name: c.name,
      region: typeof c.region === 'string' ? c.region : null,
      distance_km: typeof c.distance_km === 'number' ? c.distance_km : null,
    }))
}
