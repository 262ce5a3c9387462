import { useState } from 'react'
import { Checkboxes } from '../../../../components/govuk/Checkboxes'
import { FOSTERING_TYPES, type FosteringType } from '../../../../lib/format'
import { useEnquiryCouncil } from '../../api/get-council'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['interests'] as const
const ALL = Object.keys(FOSTERING_TYPES) as FosteringType[]

/** The kinds of fostering: those the council recruits for, and "not sure yet". */
export function InterestsPage() {
  const journey = useEnquiryJourney()
  const council = useEnquiryCouncil(journey.answers.council || undefined)
  const [interests, setInterests] = useState<FosteringType[]>(journey.answers.interests)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('interests')
  const offered = council.data ? [...council.data.fostering_types.filter((t) => t !== 'unsure'), 'unsure' as const] : ALL

  const submit = () => {
    if (!interests.length) return setErrors({ interests: 'Select the kinds of fostering you are interested in, or ‘Not sure yet’' })
    setErrors({})
    journey.update({ interests: offered.filter((t) => interests.includes(t)) })
    next(FIELDS)
  }

  return (
    <QuestionPage step="interests" title="What kinds of fostering interest you?" heading={null} fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <Checkboxes<FosteringType>
        id="interests"
        legend="What kinds of fostering interest you?"
        legendSize="l"
        isPageHeading
        hint="Select all that apply"
        error={errors.interests}
        choices={offered.map((type) => ({ value: type, label: FOSTERING_TYPES[type].name, hint: FOSTERING_TYPES[type].description }))}
        values={interests}
        onChange={setInterests}
      />
    </QuestionPage>
  )
}
