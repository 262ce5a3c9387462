import { useState } from 'react'
import { Fieldset } from '../../../../components/govuk/Fieldset'
import { Input } from '../../../../components/govuk/Input'
import { Radios } from '../../../../components/govuk/Radios'
import type { JourneyErrors } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['adults', 'children', 'spare-bedroom'] as const

function count(value: string, min: number, max: number): boolean {
  return /^\d{1,2}$/.test(value.trim()) && Number(value) >= min && Number(value) <= max
}

/** The household, all optional: it helps the first conversation, nothing more. */
export function HouseholdPage() {
  const journey = useEnquiryJourney()
  const [adults, setAdults] = useState(journey.answers.adults)
  const [children, setChildren] = useState(journey.answers.children)
  const [spareBedroom, setSpareBedroom] = useState(journey.answers.spareBedroom)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('household')

  const submit = () => {
    const found: JourneyErrors = {}
    if (adults.trim() && !count(adults, 1, 10)) found.adults = 'Enter the number of adults as a number from 1 to 10'
    if (children.trim() && !count(children, 0, 20)) found.children = 'Enter the number of children as a number from 0 to 20'
    setErrors(found)
    if (Object.keys(found).length) return
    journey.update({ adults: adults.trim(), children: children.trim(), spareBedroom })
    next(FIELDS)
  }

  return (
    <QuestionPage step="household" title="About your household" heading={null} fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <Fieldset legend="About your household (optional)" legendSize="l" isPageHeading>
        <p className="govuk-body">This helps us prepare for our first conversation. You can leave any of it empty.</p>
        <Input id="adults" label="How many adults live in your home, including you?" inputMode="numeric" width="2" error={errors.adults} value={adults} onChange={setAdults} />
        <Input id="children" label="How many children live in your home?" inputMode="numeric" width="2" error={errors.children} value={children} onChange={setChildren} />
        <Radios<'yes' | 'no'>
          id="spare-bedroom"
          legend="Do you have a spare bedroom?"
          legendSize="s"
          inline
          error={errors['spare-bedroom']}
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={spareBedroom}
          onChange={setSpareBedroom}
        />
      </Fieldset>
    </QuestionPage>
  )
}
