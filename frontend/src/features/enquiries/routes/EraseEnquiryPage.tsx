import type { ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { WarningText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useEraseEnquiry } from '../api/erase-enquiry'
import { useEnquiry } from '../api/get-enquiry'
import type { EnquiryPageState } from './EnquiryPage'

/** Confirms erasing a person's details (admins): the anonymous history and counts stay. */
export function EraseEnquiryPage({ notFound }: { notFound: ReactNode }) {
  const { enquiryId = '' } = useParams()
  const enquiry = useEnquiry(enquiryId)
  const erase = useEraseEnquiry(enquiryId)
  const navigate = useNavigate()
  const data = enquiry.data?.enquiry
  usePageTitle(data ? `Erase the details of ${data.reference}` : 'Erase personal details', { error: erase.isError })

  if (isApiError(enquiry.error, 404)) return <>{notFound}</>
  if (!data) return <p className="govuk-body" role="status">{enquiry.isError ? 'Sorry, this enquiry cannot be shown right now.' : 'Loading…'}</p>

  const confirm = () =>
    erase.mutate(undefined, {
      onSuccess: () => {
        const state: EnquiryPageState = { notice: 'erased' }
        navigate(`/staff/enquiries/${data.id}`, { state })
      },
    })

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {erase.isError && <ErrorSummary key={erase.submittedAt} errors={[{ text: 'Sorry, the details could not be erased. Try again later.' }]} />}
        <span className="govuk-caption-l">
          {data.reference}, {data.first_name} {data.last_name}
        </span>
        <h1 className="govuk-heading-xl">Are you sure you want to erase this person’s details?</h1>
        <p className="govuk-body">
          Their name, contact details, household, notes and the notes on their contact attempts are erased. The enquiry’s stages and dates
          stay, without anything that identifies them, so the council’s figures do not change.
        </p>
        <WarningText>This cannot be undone. Download everything held first if they asked for a copy.</WarningText>
        <ButtonGroup>
          <Button type="button" variant="warning" preventDoubleClick disabled={erase.isPending} onClick={confirm}>
            Erase personal details
          </Button>
          <Link className="govuk-link" to={`/staff/enquiries/${data.id}`}>
            Cancel
          </Link>
        </ButtonGroup>
      </div>
    </div>
  )
}
