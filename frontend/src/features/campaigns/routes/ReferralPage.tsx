import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDate, formatDateTime } from '../../../lib/format'
import { formatPence } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { useReferral } from '../api/get-referral'
import { useUpdateReferral } from '../api/update-referral'
import { ReferralStatusTag } from '../components/ReferralStatusTag'

/** One referral: mark its reward paid, or void it. */
export function ReferralPage({ notFound }: { notFound: ReactNode }) {
  const { referralId = '' } = useParams()
  const referral = useReferral(referralId)
  const update = useUpdateReferral(referralId)
  usePageTitle(referral.data ? `Referral ${referral.data.referral.enquiry_reference}` : 'Referral')

  if (isApiError(referral.error, 404)) return <>{notFound}</>
  if (!referral.data) {
    return (
      <p className="govuk-body" role="status">
        {referral.isError ? 'Sorry, this referral cannot be shown right now. Try again later.' : 'Loading…'}
      </p>
    )
  }
  const { referral: r, etag } = referral.data

  return (
    <>
      <BackLink to="/staff/referrals">Back to referrals</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {update.isSuccess && (
            <NotificationBanner type="success" heading={r.status === 'paid' ? 'Reward marked paid' : 'Referral voided'} />
          )}
          {update.isError && (
            <NotificationBanner title="There is a problem">
              <p className="govuk-body">
                {isApiError(update.error, 412)
                  ? 'Someone changed this referral while you were looking at it. The page now shows the latest version: check it and try again.'
                  : isApiError(update.error, 409) || isApiError(update.error, 422)
                    ? (update.error.problem?.detail ?? 'This referral cannot be changed that way.')
                    : 'Sorry, the referral could not be changed. Try again later.'}
              </p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">Referral</span>
          <h1 className="govuk-heading-xl">{r.enquiry_reference}</h1>
          <SummaryList
            rows={[
              { key: 'Status', value: <ReferralStatusTag status={r.status} /> },
              {
                key: 'Enquiry',
                value: (
                  <Link className="govuk-link" to={`/staff/enquiries/${r.enquiry_id}`}>
                    {r.enquiry_reference}
                  </Link>
                ),
              },
              {
                key: 'Referred by',
                value: (
                  <Link className="govuk-link" to={`/staff/carers/${r.household_id}`}>
                    {r.household_name || 'View the carer household'}
                  </Link>
                ),
              },
              { key: 'Referred on', value: formatDate(r.created_at) },
              { key: 'Reward', value: r.reward_pence === null ? 'Not yet set' : formatPence(r.reward_pence) },
              { key: 'Due since', value: r.due_at ? formatDateTime(r.due_at) : '–' },
              { key: 'Paid', value: r.paid_at ? formatDateTime(r.paid_at) : 'Not paid' },
            ]}
          />
          {(r.status === 'due' || r.status === 'pending') && (
            <ButtonGroup>
              {r.status === 'due' && (
                <Button type="button" preventDoubleClick disabled={update.isPending} onClick={() => update.mutate({ etag, status: 'paid' })}>
                  Mark paid
                </Button>
              )}
              <Button type="button" variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ etag, status: 'void' })}>
                Void this referral
              </Button>
            </ButtonGroup>
          )}
        </div>
      </div>
    </>
  )
}
