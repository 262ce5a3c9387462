import { useState } from 'react'
import { Hint } from '../../../../components/govuk/Field'
import { Fieldset } from '../../../../components/govuk/Fieldset'
import { Input } from '../../../../components/govuk/Input'
import type { JourneyErrors } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

// In the order they are on the page, so the error summary lists them the same way.
const FIELDS = ['campaign-code', 'referral-code'] as const
const CODE = /^[A-Za-z0-9-]{4,16}$/
const CODE_QUESTION = 'Do you have a code from a leaflet, poster or friend?'

/**
 * The codes that say how the person heard of fostering, both optional: a campaign's code (from
 * a leaflet, poster or an ambassador's card, typed in by someone who did not scan its QR code)
 * and a foster carer's referral code. A code that came with the link is already filled in. The
 * API decides whether a code is known; its answer comes back to these fields.
 */
export function CodePage() {
  const journey = useEnquiryJourney()
  const [campaign, setCampaign] = useState(journey.answers.campaignCode)
  const [referral, setReferral] = useState(journey.answers.referralCode)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('code')
  const { source } = journey
  const campaignFromLink = Boolean(source.campaignCode) && campaign === source.campaignCode
  const referralFromLink = Boolean(source.linkReferralCode) && referral === source.linkReferralCode

  const submit = () => {
    const found: JourneyErrors = {}
    if (campaign.trim() && !CODE.test(campaign.trim())) found['campaign-code'] = 'A code from a leaflet or poster is 4 to 16 letters and numbers, like 2S6ANH'
    if (referral.trim() && !CODE.test(referral.trim())) found['referral-code'] = 'A referral code is 4 to 16 letters and numbers, like RZKVRY2'
    setErrors(found)
    if (Object.keys(found).length) return
    journey.update({ campaignCode: campaign.trim().toUpperCase(), referralCode: referral.trim().toUpperCase() })
    next(FIELDS)
  }

  return (
    <QuestionPage step="code" title={CODE_QUESTION} heading={null} fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <Fieldset legend={CODE_QUESTION} legendSize="l" isPageHeading describedBy="code-hint">
        <Hint id="code-hint">
          It tells us how you heard about fostering. Leave these empty if you do not have a code.
        </Hint>
        <Input
          id="campaign-code"
          label="Code from a leaflet, poster or card (optional)"
          hint={
            campaignFromLink
              ? 'We filled this in from the QR code or link you used. Clear it if it is not right.'
              : 'It is printed next to the QR code, like 2S6ANH'
          }
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width="10"
          error={errors['campaign-code']}
          value={campaign}
          onChange={setCampaign}
        />
        <Input
          id="referral-code"
          label="Referral code from a foster carer (optional)"
          hint={
            referralFromLink
              ? 'We filled this in from the link a foster carer shared with you. Clear it if it is not right.'
              : 'A foster carer who told you about fostering may have given you one, like RZKVRY2'
          }
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width="10"
          error={errors['referral-code']}
          value={referral}
          onChange={setReferral}
        />
      </Fieldset>
    </QuestionPage>
  )
}
