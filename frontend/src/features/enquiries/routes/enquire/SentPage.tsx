import { Link, Navigate } from 'react-router'
import { Panel } from '../../../../components/govuk/Typography'
import { usePageTitle } from '../../../../lib/page'
import { useEnquiryCouncil } from '../../api/get-council'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { JOURNEY_BASE } from '../../journey/QuestionPage'

/** The confirmation, with the reference the API gave the enquiry. */
export function SentPage() {
  const { receipt } = useEnquiryJourney()
  const council = useEnquiryCouncil(receipt?.council)
  usePageTitle('Enquiry sent')
  if (!receipt) return <Navigate to={JOURNEY_BASE} replace />
  const name = council.data?.name ?? 'your council'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Enquiry sent">
          Your reference
          <br />
          <strong id="enquiry-reference">{receipt.reference}</strong>
        </Panel>
        <p className="govuk-body">We have sent a confirmation to your email address.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          Someone from {name}’s fostering team will contact you, usually within one working day, for an informal chat. If you
          need to contact them before then, quote your reference.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/councils/${receipt.council}`}>
            Find out more about fostering with {name}
          </Link>
        </p>
      </div>
    </div>
  )
}
