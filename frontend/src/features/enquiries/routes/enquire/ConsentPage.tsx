import { useState } from 'react'
import { Checkboxes } from '../../../../components/govuk/Checkboxes'
import { PRIVACY_NOTICE_VERSION } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['consent'] as const
type Consent = 'contact' | 'marketing'

/** Consent: contact about the enquiry is needed; news about events is a separate choice. */
export function ConsentPage() {
  const journey = useEnquiryJourney()
  const [values, setValues] = useState<Consent[]>([
    ...(journey.answers.contactOk ? (['contact'] as const) : []),
    ...(journey.answers.marketingOk ? (['marketing'] as const) : []),
  ])
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('consent')

  const submit = () => {
    if (!values.includes('contact')) return setErrors({ consent: 'Select that we may contact you about your enquiry' })
    setErrors({})
    journey.update({ contactOk: true, marketingOk: values.includes('marketing') })
    next(FIELDS)
  }

  return (
    <QuestionPage step="consent" title="Contacting you" fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <p className="govuk-body">
        Your council’s fostering team uses your details only to talk to you about fostering, as its privacy notice says
        (version {PRIVACY_NOTICE_VERSION}). You can ask it to delete them at any time.
      </p>
      <Checkboxes<Consent>
        id="consent"
        legend="What may we contact you about?"
        legendSize="m"
        error={errors.consent}
        choices={[
          { value: 'contact', label: 'You may contact me about this enquiry', hint: 'We need this to reply to you' },
          { value: 'marketing', label: 'Send me news about fostering events (optional)' },
        ]}
        values={values}
        onChange={setValues}
      />
    </QuestionPage>
  )
}
