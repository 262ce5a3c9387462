import { useState } from 'react'
import { Fieldset } from '../../../../components/govuk/Fieldset'
import { Input } from '../../../../components/govuk/Input'
import type { JourneyErrors } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['email', 'phone'] as const
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// A UK number: 10 or 11 digits from 0, or +44 and 9 or 10; spaces, brackets and dashes allowed.
const PHONE = /^(\+44\s?|0)[\d\s()-]{9,16}$/

export function ContactPage() {
  const journey = useEnquiryJourney()
  const [email, setEmail] = useState(journey.answers.email)
  const [phone, setPhone] = useState(journey.answers.phone)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('contact')

  const submit = () => {
    const found: JourneyErrors = {}
    if (!email.trim()) found.email = 'Enter your email address'
    else if (!EMAIL.test(email.trim()) || email.trim().length > 320)
      found.email = 'Enter an email address in the correct format, like name@example.com'
    if (phone.trim() && !PHONE.test(phone.trim())) found.phone = 'Enter a UK phone number, like 07700 900 982 or 0151 496 0000'
    setErrors(found)
    if (Object.keys(found).length) return
    journey.update({ email: email.trim(), phone: phone.trim() })
    next(FIELDS)
  }

  return (
    <QuestionPage step="contact" title="How can we contact you?" heading={null} fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <Fieldset legend="How can we contact you?" legendSize="l" isPageHeading>
        <Input
          id="email"
          label="Email address"
          hint="We will send a confirmation of your enquiry to this address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          error={errors.email}
          value={email}
          onChange={setEmail}
        />
        <Input
          id="phone"
          label="Phone number (optional)"
          hint="A UK mobile or landline, like 07700 900 982"
          type="tel"
          autoComplete="tel"
          width="20"
          error={errors.phone}
          value={phone}
          onChange={setPhone}
        />
      </Fieldset>
    </QuestionPage>
  )
}
