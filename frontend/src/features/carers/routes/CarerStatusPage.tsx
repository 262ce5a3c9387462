import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { Radios } from '../../../components/govuk/Radios'
import { Select } from '../../../components/govuk/Select'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCarer } from '../api/get-carer'
import { useUpdateCarer } from '../api/update-carer'
import { DEREGISTRATION_REASONS, HOUSEHOLD_STATUSES, type DeregistrationReason, type HouseholdStatus } from '../vocabulary'
import type { CarerPageState } from './CarerPage'

type Field = 'status' | 'reason'

/** Puts a household on hold, back to approved, or deregisters it with a reason. */
export function CarerStatusPage({ notFound }: { notFound: ReactNode }) {
  const { householdId = '' } = useParams()
  const carer = useCarer(householdId)
  // Above the form, so a 412 is still shown once the form starts again from the latest version.
  const update = useUpdateCarer(householdId)
  usePageTitle(carer.data ? `Change the status of ${carer.data.household.name}` : 'Change status')
  if (isApiError(carer.error, 404)) return <>{notFound}</>
  if (!carer.data) return <p className="govuk-body" role="status">{carer.isError ? 'Sorry, this household cannot be shown right now.' : 'Loading…'}</p>
  return <StatusForm key={carer.data.etag ?? ''} household={carer.data.household} etag={carer.data.etag} update={update} />
}

function StatusForm({ household, etag, update }: { household: Schemas['HouseholdOut']; etag: string | null; update: ReturnType<typeof useUpdateCarer> }) {
  const navigate = useNavigate()
  const [status, setStatus] = useState<HouseholdStatus | ''>(household.status)
  const [reason, setReason] = useState<DeregistrationReason | ''>('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(`Change the status of ${household.name}`, { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!status) found.status = 'Select a status'
    if (status === 'deregistered' && !reason) found.reason = 'Select why the household is deregistered'
    setErrors(found)
    if (Object.keys(found).length || !status) return
    if (status === household.status && status !== 'deregistered') return navigate(`/staff/carers/${household.id}`)
    update.mutate(
      // The API refuses a null reason: it is sent only with a deregistration.
      { etag, patch: status === 'deregistered' && reason ? { status, deregistration_reason: reason } : { status } },
      {
        onSuccess: () => {
          const state: CarerPageState = { notice: 'status' }
          navigate(`/staff/carers/${household.id}`, { state })
        },
        onError: (error) => {
          if (!isApiError(error, 412)) setErrors(errorsFromApi(error, { status: 'status', deregistration_reason: 'reason' }))
        },
      },
    )
  }

  return (
    <>
      <BackLink to={`/staff/carers/${household.id}`}>Back to the household</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, ['status', 'reason'])} />}
          {isApiError(update.error, 412) && (
            <NotificationBanner title="There is a problem" heading="Someone changed this household while you were looking at it">
              <p className="govuk-body">Here is the latest version. Check it and make your change again.</p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">{household.name}</span>
          <form onSubmit={submit} noValidate>
            <Radios<HouseholdStatus>
              id="status"
              legend="What is the household’s status?"
              legendSize="l"
              isPageHeading
              error={errors.status}
              value={status}
              onChange={setStatus}
              choices={[
                { value: 'approved', label: HOUSEHOLD_STATUSES.approved.name, hint: 'Can take placements' },
                { value: 'on_hold', label: HOUSEHOLD_STATUSES.on_hold.name, hint: 'Taking a break; no new placements for now' },
                {
                  value: 'deregistered',
                  label: HOUSEHOLD_STATUSES.deregistered.name,
                  hint: 'No longer fostering for the council',
                  conditional: (
                    <Select<DeregistrationReason>
                      id="reason"
                      label="Reason"
                      error={errors.reason}
                      value={reason}
                      onChange={setReason}
                      options={[{ value: '', text: 'Select a reason' }, ...(Object.keys(DEREGISTRATION_REASONS) as DeregistrationReason[]).map((r) => ({ value: r, text: DEREGISTRATION_REASONS[r] }))]}
                    />
                  ),
                },
              ]}
            />
            <ButtonGroup>
              <Button disabled={update.isPending}>Save</Button>
              <Link className="govuk-link" to={`/staff/carers/${household.id}`}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
