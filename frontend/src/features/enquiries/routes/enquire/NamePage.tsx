import { useState } from 'react'
import { Fieldset } from '../../../../components/govuk/Fieldset'
import { Input } from '../../../../components/govuk/Input'
import type { JourneyErrors } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['first-name', 'last-name'] as const

export function NamePage() {
  const journey = useEnquiryJourney()
  const [firstName, setFirstName] = useState(journey.answers.firstName)
  const [lastName, setLastName] = useState(journey.answers.lastName)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('name')

  const submit = () => {
    const found: JourneyErrors = {}
    if (!firstName.trim()) found['first-name'] = 'Enter your first name'
    else if (firstName.trim().length > 100) found['first-name'] = 'First name must be 100 characters or fewer'
    if (!lastName.trim()) found['last-name'] = 'Enter your last name'
    else if (lastName.trim().length > 100) found['last-name'] = 'Last name must be 100 characters or fewer'
    setErrors(found)
    if (Object.keys(found).length) return
    journey.update({ firstName: firstName.trim(), lastName: lastName.trim() })
    next(FIELDS)
  }

  return (
    <QuestionPage step="name" title="What is your name?" heading={null} fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <Fieldset legend="What is your name?" legendSize="l" isPageHeading>
        <Input id="first-name" label="First name" autoComplete="given-name" spellCheck={false} width="20" error={errors['first-name']} value={firstName} onChange={setFirstName} />
        <Input id="last-name" label="Last name" autoComplete="family-name" spellCheck={false} width="20" error={errors['last-name']} value={lastName} onChange={setLastName} />
      </Fieldset>
    </QuestionPage>
  )
}
