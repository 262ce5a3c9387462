import { useState } from 'react'
import { Input } from '../../../../components/govuk/Input'
import type { JourneyErrors } from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { QuestionPage, useContinue, usePageErrors } from '../../journey/QuestionPage'

const FIELDS = ['referral-code', 'campaign-code'] as const
const CODE = /^[A-Za-z0-9-]{4,16}$/

/** A foster carer's referral code (optional); the campaign's code when the link brought one. */
export function CodePage() {
  const journey = useEnquiryJourney()
  const [referral, setReferral] = useState(journey.answers.referralCode)
  const [campaign, setCampaign] = useState(journey.answers.campaignCode)
  const { errors, setErrors, attempt } = usePageErrors(FIELDS)
  const next = useContinue('code')
  const showCampaign = Boolean(journey.answers.campaignCode || journey.errors['campaign-code'])

  const submit = () => {
    const found: JourneyErrors = {}
    if (referral.trim() && !CODE.test(referral.trim())) found['referral-code'] = 'A referral code is 4 to 16 letters and numbers, like RZKVRY2'
    if (campaign.trim() && !CODE.test(campaign.trim())) found['campaign-code'] = 'A campaign code is 4 to 16 letters and numbers, like 2S6ANH'
    setErrors(found)
    if (Object.keys(found).length) return
    journey.update({ referralCode: referral.trim().toUpperCase(), campaignCode: campaign.trim().toUpperCase() })
    next(FIELDS)
  }

  return (
    <QuestionPage step="code" title="Do you have a referral code?" heading={null} fields={FIELDS} errors={errors} attempt={attempt} onSubmit={submit}>
      <Input
        id="referral-code"
        label="Do you have a referral code? (optional)"
        labelSize="l"
        isPageHeading
        hint="If a foster carer gave you a code, enter it here. Leave this empty if you do not have one."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        width="10"
        error={errors['referral-code']}
        value={referral}
        onChange={setReferral}
      />
      {showCampaign && (
        <Input
          id="campaign-code"
          label="Campaign code"
          hint="The code from the leaflet or poster you scanned. Clear it if it is not right."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width="10"
          error={errors['campaign-code']}
          value={campaign}
          onChange={setCampaign}
        />
      )}
    </QuestionPage>
  )
}
