import { useState } from 'react'
import { isApiError } from '../../../../api/problems'
import { Input } from '../../../../components/govuk/Input'
import { Radios } from '../../../../components/govuk/Radios'
import { useEnquiryCouncils } from '../../api/list-councils'
import { useRoutePostcode } from '../../api/route-postcode'
import { nearestCouncils, type JourneyErrors } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['postcode', 'council'] as const
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i

/**
 * The postcode finds the council (`GET /routing`), unless the link already named one (a
 * campaign's or a carer's council). When nobody here covers it, the person chooses a council:
 * the nearest ones when the API suggests them, otherwise every council on the service.
 */
export function PostcodePage() {
  const journey = useEnquiryJourney()
  const [postcode, setPostcode] = useState(journey.answers.postcode)
  const [council, setCouncil] = useState(journey.answers.council)
  const [notCovered, setNotCovered] = useState(Boolean(journey.errors.council) || journey.nearest.length > 0)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const route = useRoutePostcode()
  const councils = useEnquiryCouncils(notCovered && journey.nearest.length === 0)
  const next = useContinue('postcode')
  const choosing = notCovered || Boolean(errors.council)
  // With the postcode's position known the API names the nearest councils and how far they are.
  const placed = journey.nearest.some((c) => c.distance_km !== null)
  const choices = (journey.nearest.length ? journey.nearest : (councils.data ?? [])).map((c) => ({
    value: c.slug,
    label: c.name,
    ...('distance_km' in c && typeof c.distance_km === 'number' ? { hint: `About ${Math.round(c.distance_km * 0.621371)} miles away` } : {}),
  }))

  const submit = () => {
    const value = postcode.trim().toUpperCase()
    if (!value) return setErrors({ postcode: 'Enter your postcode' })
    if (!POSTCODE.test(value)) return setErrors({ postcode: 'Enter a full UK postcode, like L1 8JQ' })
    if (choosing) {
      if (!council) return setErrors({ council: 'Select the council you would like to contact' })
      setErrors({})
      journey.update({ postcode: value, council, councilFromLink: false })
      return next(FIELDS)
    }
    if (journey.answers.councilFromLink && !journey.errors.postcode) {
      setErrors({})
      journey.update({ postcode: value })
      return next(FIELDS)
    }
    route.mutate(value, {
      onSuccess: (found) => {
        setErrors({})
        journey.update({ postcode: found.postcode, council: found.council, councilFromLink: false })
        next(FIELDS)
      },
      onError: (error) => {
        if (isApiError(error, 404)) {
          setNotCovered(true)
          const found: JourneyErrors = { council: `None of the councils on this service covers ${value}. Select the council you would like to contact` }
          if (nearestCouncils(error).length) journey.failed({}, nearestCouncils(error))
          setErrors(found)
        } else if (isApiError(error, 422)) {
          setErrors({ postcode: 'Enter a full UK postcode, like L1 8JQ' })
        } else {
          setErrors({ postcode: 'Sorry, we could not look up your postcode. Try again later.' })
        }
      },
    })
  }

  return (
    <QuestionPage
      step="postcode"
      title="What is your postcode?"
      heading={null}
      fields={FIELDS}
      errors={errors}
      attempt={attempt}
      onSubmit={submit}
      submitting={route.isPending}
    >
      <Input
        id="postcode"
        label="What is your postcode?"
        labelSize="l"
        isPageHeading
        hint="We use it to find your council, for example L1 8JQ"
        autoComplete="postal-code"
        spellCheck={false}
        width="10"
        error={errors.postcode}
        value={postcode}
        onChange={setPostcode}
      />
      {choosing && choices.length === 0 && (
        <p className="govuk-body" role="status">
          Loading the councils…
        </p>
      )}
      {choosing && choices.length > 0 && (
        <Radios
          id="council"
          legend="Which council would you like to contact?"
          legendSize="m"
          hint={placed ? 'These are the nearest councils on this service' : 'These are the councils on this service'}
          error={errors.council}
          choices={choices}
          value={council}
          onChange={setCouncil}
        />
      )}
    </QuestionPage>
  )
}
