import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { FOSTERING_TYPES, type FosteringType } from '../../../lib/format'
import { PRIVACY_NOTICE_VERSION } from '../../../lib/vocabulary'
import { useRecordEnquiry } from '../api/record-enquiry'

type Field = 'first-name' | 'last-name' | 'email' | 'phone' | 'postcode' | 'interests' | 'consent'
const FIELDS: readonly Field[] = ['first-name', 'last-name', 'email', 'phone', 'postcode', 'interests', 'consent']
const API_FIELDS: Partial<Record<string, Field>> = {
  'contact.first_name': 'first-name',
  'contact.last_name': 'last-name',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.postcode': 'postcode',
  interests: 'interests',
  consent: 'consent',
  'consent.contact_ok': 'consent',
}
const TYPES = Object.keys(FOSTERING_TYPES) as FosteringType[]

/**
 * A short form for an enquiry taken at a stall or drop-in: recorded in the caller's council
 * with channel "event", this event and (for the host) its campaign code. The form clears after
 * each one, ready for the next person.
 */
export function StallEnquiryForm({ eventId, campaignCode }: { eventId: string; campaignCode: string | null }) {
  const record = useRecordEnquiry(eventId)
  const [firstName, setFirstName] = useState('')
  const [lastName, setLastName] = useState('')
  const [email, setEmail] = useState('')
  const [phone, setPhone] = useState('')
  const [postcode, setPostcode] = useState('')
  const [interests, setInterests] = useState<FosteringType[]>([])
  const [consent, setConsent] = useState<'yes'[]>([])
  const [recorded, setRecorded] = useState<string | null>(null)
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    setRecorded(null)
    const found: FormErrors<Field> = {}
    if (!firstName.trim()) found['first-name'] = 'Enter their first name'
    if (!lastName.trim()) found['last-name'] = 'Enter their last name'
    if (!email.trim()) found.email = 'Enter their email address'
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@example.com'
    if (!postcode.trim()) found.postcode = 'Enter their postcode'
    if (!interests.length) found.interests = 'Select the kinds of fostering they asked about, or Not sure yet'
    if (!consent.length) found.consent = 'Confirm they agreed that we contact them'
    setErrors(found)
    if (Object.keys(found).length) return
    record.mutate(
      {
        contact: {
          first_name: firstName.trim(),
          last_name: lastName.trim(),
          email: email.trim(),
          postcode: postcode.trim(),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
        },
        interests,
        consent: { privacy_notice_version: PRIVACY_NOTICE_VERSION, contact_ok: true, marketing_ok: false },
      },
      {
        onSuccess: (receipt) => {
          setRecorded(`${firstName.trim()} ${lastName.trim()}: reference ${receipt.reference}`)
          for (const clear of [setFirstName, setLastName, setEmail, setPhone, setPostcode]) clear('')
          setInterests([])
          setConsent([])
        },
        onError: (error) => setErrors(errorsFromApi(error, API_FIELDS)),
      },
    )
  }

  return (
    <section aria-labelledby="stall-enquiry">
      <h2 className="govuk-heading-m" id="stall-enquiry">
        Record an enquiry taken here
      </h2>
      <p className="govuk-body">
        For someone who asked about fostering at this event. It is recorded as an enquiry from this event
        {campaignCode ? (
          <>
            {' '}
            with its campaign code <span className="govuk-!-font-weight-bold">{campaignCode}</span>
          </>
        ) : null}
        , and they are emailed the usual acknowledgement.
      </p>
      {recorded && <NotificationBanner type="success" heading={`Enquiry recorded for ${recorded}`} />}
      {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
      <form onSubmit={submit} noValidate aria-labelledby="stall-enquiry">
        <Input id="first-name" label="First name" autoComplete="off" width="20" error={errors['first-name']} value={firstName} onChange={setFirstName} />
        <Input id="last-name" label="Last name" autoComplete="off" width="20" error={errors['last-name']} value={lastName} onChange={setLastName} />
        <Input id="email" label="Email address" type="email" autoComplete="off" spellCheck={false} error={errors.email} value={email} onChange={setEmail} />
        <Input id="phone" label="Phone number (optional)" type="tel" autoComplete="off" width="20" error={errors.phone} value={phone} onChange={setPhone} />
        <Input id="postcode" label="Postcode" autoComplete="off" width="10" error={errors.postcode} value={postcode} onChange={setPostcode} />
        <Checkboxes<FosteringType>
          id="interests"
          legend="What kinds of fostering did they ask about?"
          legendSize="s"
          small
          error={errors.interests}
          values={interests}
          onChange={setInterests}
          choices={TYPES.map((t) => ({ value: t, label: FOSTERING_TYPES[t].name }))}
        />
        <Checkboxes<'yes'>
          id="consent"
          legend="Consent"
          legendSize="s"
          hint="Tell them how we use their details (the privacy notice) before you ask"
          small
          error={errors.consent}
          values={consent}
          onChange={setConsent}
          choices={[{ value: 'yes', label: 'They agreed that we contact them about fostering' }]}
        />
        <Button variant="secondary" disabled={record.isPending}>
          Record enquiry
        </Button>
      </form>
    </section>
  )
}
