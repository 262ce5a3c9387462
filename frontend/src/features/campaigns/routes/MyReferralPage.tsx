import { isApiError } from '../../../api/problems'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { InsetText } from '../../../components/govuk/Typography'
import { formatPence } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { useMyReferral } from '../api/get-my-referral'

/** Refer a friend (carers): their code, the link to share, and how their referrals are going. */
export function MyReferralPage() {
  const referral = useMyReferral()
  usePageTitle('Refer a friend')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Refer a friend</h1>
        <p className="govuk-body-l">Know someone who could foster? Share your code. If they are approved, you get a thank-you reward.</p>
        {referral.isPending && (
          <p className="govuk-body" role="status">
            Loading your referral code…
          </p>
        )}
        {isApiError(referral.error, 404) && <p className="govuk-body">Your account is not linked to a carer household yet. Ask your supervising social worker.</p>}
        {referral.isError && !isApiError(referral.error, 404) && <p className="govuk-body">Sorry, your referral code cannot be shown right now. Try again later.</p>}
        {referral.data && (
          <>
            <h2 className="govuk-heading-m">Your referral code</h2>
            <p className="govuk-body">
              <strong className="fh-code" id="referral-code">
                {referral.data.referral_code}
              </strong>
            </p>
            <p className="govuk-body">Your friend can type it in when they ask about fostering, or use this link, which fills it in for them:</p>
            <InsetText>
              <a className="govuk-link fh-break-all" href={referral.data.share_url} id="share-link">
                {referral.data.share_url}
              </a>
            </InsetText>
            <h2 className="govuk-heading-m">How your referrals are going</h2>
            <SummaryList
              rows={[
                { key: 'People you referred', value: String(referral.data.referrals) },
                { key: 'Approved as foster carers', value: String(referral.data.approved) },
                { key: 'Rewards due to you', value: formatPence(referral.data.rewards_due_pence) },
                { key: 'Rewards paid to you', value: formatPence(referral.data.rewards_paid_pence) },
              ]}
            />
            <p className="govuk-body">We never show you who enquired: only how many.</p>
          </>
        )}
      </div>
    </div>
  )
}
