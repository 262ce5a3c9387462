import type { ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { ButtonGroup, ButtonLink } from '../../../components/govuk/Button'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDate, fosteringTypeName } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useCarer } from '../api/get-carer'
import { HouseholdStatusTag } from '../components/HouseholdStatusTag'
import { deregistrationReasonName } from '../vocabulary'

export interface CarerPageState {
  notice?: 'status' | 'terms'
}

/** One carer household: its adults, approval terms and status, and what can change. */
export function CarerPage({ notFound }: { notFound: ReactNode }) {
  const { householdId = '' } = useParams()
  const carer = useCarer(householdId)
  const notice = (useLocation().state as CarerPageState | null)?.notice
  usePageTitle(carer.data?.household.name ?? 'Carer household')

  if (isApiError(carer.error, 404)) return <>{notFound}</>
  if (!carer.data) {
    return (
      <p className="govuk-body" role="status">
        {carer.isError ? 'Sorry, this household cannot be shown right now. Try again later.' : 'Loading…'}
      </p>
    )
  }
  const h = carer.data.household

  return (
    <>
      <BackLink to="/staff/carers">Back to carers</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice === 'status' && <NotificationBanner type="success" heading="Status changed" />}
          {notice === 'terms' && <NotificationBanner type="success" heading="Approval terms changed" />}
          <span className="govuk-caption-l">Carer household</span>
          <h1 className="govuk-heading-xl govuk-!-margin-bottom-4">{h.name}</h1>
          <p className="govuk-body">
            <HouseholdStatusTag status={h.status} />
          </p>
          <h2 className="govuk-heading-m">Household</h2>
          <SummaryList
            rows={[
              {
                key: h.adults.length === 1 ? 'Adult' : 'Adults',
                value: (
                  <ul className="govuk-list">
                    {h.adults.map((a, i) => (
                      <li key={i}>
                        {a.first_name} {a.last_name}
                        {a.email ? `, ${a.email}` : ''}
                      </li>
                    ))}
                  </ul>
                ),
              },
              { key: 'Champion', value: h.is_champion ? 'Yes: mentors new applicants' : 'No' },
              { key: 'Referral code', value: h.referral_code },
              {
                key: 'Referrals',
                value: (
                  <Link className="govuk-link" to={`/staff/referrals?household_id=${h.id}`}>
                    People this household referred
                  </Link>
                ),
              },
              ...(h.enquiry_id
                ? [
                    {
                      key: 'Enquiry',
                      value: (
                        <Link className="govuk-link" to={`/staff/enquiries/${h.enquiry_id}`}>
                          Their enquiry and its history
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <h2 className="govuk-heading-m">Approval</h2>
          <SummaryList
            rows={[
              { key: 'Approved on', value: formatDate(h.approved_on) },
              { key: 'Approved for', value: h.fostering_types.map(fosteringTypeName).join(', ') },
              { key: 'Ages of children', value: `${h.age_min} to ${h.age_max}` },
              { key: 'Places', value: String(h.places) },
              { key: 'Status', value: <HouseholdStatusTag status={h.status} /> },
              ...(h.status_changed_on ? [{ key: 'Status since', value: formatDate(h.status_changed_on) }] : []),
              ...(h.status === 'deregistered'
                ? [{ key: 'Deregistered', value: `${h.deregistered_on ? formatDate(h.deregistered_on) : ''}: ${deregistrationReasonName(h.deregistration_reason)}` }]
                : []),
            ]}
          />
          <ButtonGroup>
            <ButtonLink to="status" variant="secondary">
              Change status
            </ButtonLink>
            <ButtonLink to="terms" variant="secondary">
              Change approval terms
            </ButtonLink>
          </ButtonGroup>
        </div>
      </div>
    </>
  )
}
