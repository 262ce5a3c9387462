import { useEffect } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ButtonLink } from '../../../../components/govuk/Button'
import { InsetText } from '../../../../components/govuk/Typography'
import { usePageTitle } from '../../../../lib/page'
import { useEnquiryCouncil } from '../../api/get-council'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { stepPath } from '../../journey/QuestionPage'

/**
 * The start of the enquiry. The address may carry a council, a campaign's code and channel (a
 * scanned QR code) or a carer's referral code (a share link): they go into the enquiry's source.
 */
export function StartPage() {
  const [params] = useSearchParams()
  const journey = useEnquiryJourney()
  const { begin } = journey
  const search = params.toString()
  useEffect(() => {
    begin(new URLSearchParams(search))
  }, [begin, search])
  const council = useEnquiryCouncil(journey.answers.council || undefined)
  usePageTitle('Ask about fostering')
  const { campaignCode, referralCode } = journey.answers

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {council.data && <span className="govuk-caption-xl">{council.data.name}</span>}
        <h1 className="govuk-heading-xl">Ask about fostering</h1>
        <p className="govuk-body-l">
          Tell us a little about yourself and someone from {council.data ? `${council.data.name}’s` : 'your council’s'} fostering team
          will contact you, usually within one working day.
        </p>
        <p className="govuk-body">Asking does not commit you to anything. It takes about 5 minutes.</p>
        <p className="govuk-body">We will ask for:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>your name, email address and, if you like, a phone number</li>
          <li>your postcode, to find your council</li>
          <li>the kinds of fostering you are interested in</li>
          <li>a little about your household, if you want to tell us</li>
          <li>a code from a leaflet, poster or foster carer, if you have one</li>
        </ul>
        {(campaignCode || referralCode) && (
          <InsetText>
            {referralCode && journey.source.linkReferralCode === referralCode
              ? `A foster carer shared this link with you. We will note their referral code, ${referralCode}, with your enquiry.`
              : `We will note that you found us through our campaign (code ${campaignCode}).`}
          </InsetText>
        )}
        <ButtonLink to={stepPath('name')} start>
          Start now
        </ButtonLink>
        <h2 className="govuk-heading-m">Other ways to ask</h2>
        <p className="govuk-body">
          {council.data ? (
            <>
              You can also{' '}
              <Link className="govuk-link" to={`/councils/${council.data.slug}/enquire`}>
                phone or email {council.data.name}’s fostering team
              </Link>
              .
            </>
          ) : (
            <>
              You can also{' '}
              <Link className="govuk-link" to="/">
                find your council
              </Link>{' '}
              and phone or email its fostering team.
            </>
          )}
        </p>
      </div>
    </div>
  )
}
