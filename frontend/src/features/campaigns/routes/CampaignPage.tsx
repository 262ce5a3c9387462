import type { ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDate } from '../../../lib/format'
import { formatPence } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { channelName } from '../../../lib/vocabulary'
import { useCampaign } from '../api/get-campaign'
import { CampaignQrCode } from '../components/CampaignQrCode'
import { ambassadorName, kindName } from '../vocabulary'

export interface CampaignPageState {
  created?: boolean
}

/** One campaign: its code, where the QR code leads, the QR code itself, and its results. */
export function CampaignPage({ notFound }: { notFound: ReactNode }) {
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const created = (useLocation().state as CampaignPageState | null)?.created
  usePageTitle(campaign.data?.name ?? 'Campaign')

  if (isApiError(campaign.error, 404)) return <>{notFound}</>
  if (!campaign.data) {
    return (
      <p className="govuk-body" role="status">
        {campaign.isError ? 'Sorry, this campaign cannot be shown right now. Try again later.' : 'Loading…'}
      </p>
    )
  }
  const c = campaign.data
  const dates = c.starts_on || c.ends_on ? `${c.starts_on ? formatDate(c.starts_on) : '…'} to ${c.ends_on ? formatDate(c.ends_on) : '…'}` : 'No dates set'

  return (
    <>
      <BackLink to="/staff/campaigns">Back to campaigns</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {created && (
            <NotificationBanner type="success" heading={`${c.name} is ready`}>
              <p className="govuk-body">Print its QR code on your leaflets and posters, or give people the code.</p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">{kindName(c.kind)}</span>
          <h1 className="govuk-heading-xl">{c.name}</h1>
          <p className="govuk-body">
            Code <strong className="fh-code" id="campaign-code">{c.code}</strong>
          </p>
          <h2 className="govuk-heading-m">QR code</h2>
          <p className="govuk-body">It opens the enquiry form with the code filled in, and each scan is counted.</p>
          <CampaignQrCode campaignId={c.id} code={c.code} name={c.name} />
          <SummaryList
            rows={[
              { key: 'Landing address', value: <span className="fh-break-all" id="landing-url">{c.landing_url}</span> },
              { key: 'Channel', value: channelName(c.channel) },
              ...(c.ambassador_type ? [{ key: 'Carried by', value: ambassadorName(c.ambassador_type) }] : []),
              { key: 'Partner organisation', value: c.partner_organisation ?? 'None' },
              { key: 'Dates', value: dates },
              { key: 'Cost', value: c.cost_pence === null ? 'Not given' : formatPence(c.cost_pence) },
              { key: 'Active', value: c.is_active ? 'Yes' : 'No' },
            ]}
          />
          <h2 className="govuk-heading-m">Results</h2>
          <SummaryList
            rows={[
              { key: 'Scans', value: String(c.scans) },
              {
                key: 'Enquiries',
                value: c.enquiries ? (
                  <Link className="govuk-link" to={`/staff/enquiries?campaign=${encodeURIComponent(c.code)}`}>
                    {c.enquiries}
                    <span className="govuk-visually-hidden"> enquiries from this campaign</span>
                  </Link>
                ) : (
                  '0'
                ),
              },
              { key: 'Reached an initial visit', value: String(c.reached_initial_visit) },
              { key: 'Applications', value: String(c.applications) },
              { key: 'Approvals', value: String(c.approvals) },
              { key: 'Cost per enquiry', value: c.cost_per_enquiry_pence === null ? '–' : formatPence(c.cost_per_enquiry_pence) },
            ]}
          />
        </div>
      </div>
    </>
  )
}
