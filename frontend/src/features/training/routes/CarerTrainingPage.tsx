import type { ReactNode } from 'react'
import { useLocation, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { ButtonLink } from '../../../components/govuk/Button'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDate } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useHousehold } from '../api/get-household'
import { useHouseholdTrainingRecord } from '../api/household-record'
import { TrainingRecordView } from '../components/TrainingRecordView'

export interface CarerTrainingState {
  recorded?: string
}

/** A carer household's training record, for staff (the API audits the read). */
export function CarerTrainingPage({ notFound }: { notFound: ReactNode }) {
  const { householdId = '' } = useParams()
  const household = useHousehold(householdId)
  const record = useHouseholdTrainingRecord(householdId)
  const recorded = (useLocation().state as CarerTrainingState | null)?.recorded
  const name = household.data?.name
  usePageTitle(name ? `Training record – ${name}` : 'Training record')

  if (isApiError(record.error, 404) || isApiError(household.error, 404) || isApiError(record.error, 422)) return <>{notFound}</>
  return (
    <>
      <BackLink to="/staff/training/carers">Carers’ training records</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {recorded && <NotificationBanner type="success" heading={`${recorded} is recorded as completed`} />}
          <span className="govuk-caption-l">{name ?? 'Carer household'}</span>
          <h1 className="govuk-heading-xl">Training record</h1>
          {household.data && <p className="govuk-body">Approved on {formatDate(household.data.approved_on)}.</p>}
          <ButtonLink to="record-completion" variant="secondary">
            Record a completed course
          </ButtonLink>
          {record.isPending && (
            <p className="govuk-body" role="status">
              Loading the record…
            </p>
          )}
          {record.isError && <p className="govuk-body">Sorry, the training record cannot be shown right now. Try again later.</p>}
          {record.data && <TrainingRecordView record={record.data} own={false} />}
        </div>
      </div>
    </>
  )
}
