import { useState, type FormEvent } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { Button } from '../../../components/govuk/Button'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { formatDate } from '../../../lib/format'
import { formatPence } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { useReferrals, type ReferralsFilter } from '../api/list-referrals'
import { ReferralStatusTag } from '../components/ReferralStatusTag'
import { REFERRAL_STATUSES, type ReferralStatus } from '../vocabulary'

const PAGE_SIZE = 25

function isStatus(value: string | null): value is ReferralStatus {
  return value !== null && value in REFERRAL_STATUSES
}

/** Carers' referrals: who was referred, whether they were approved, and rewards due or paid. */
export function ReferralsPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const status = params.get('status')
  const household = params.get('household_id')
  const cursor = params.get('cursor')
  const filter: ReferralsFilter = {
    limit: PAGE_SIZE,
    ...(isStatus(status) ? { status } : {}),
    ...(household ? { household_id: household } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const referrals = useReferrals(filter)
  const [statusChoice, setStatusChoice] = useState<ReferralStatus | ''>(isStatus(status) ? status : '')
  usePageTitle('Referrals')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (statusChoice) next.set('status', statusChoice)
    if (household) next.set('household_id', household)
    setParams(next)
  }
  const links = pageLinks(params, previousCursors(location.state), referrals.data?.next_cursor)

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Referrals</h1>
          <p className="govuk-body">
            When someone a foster carer referred is approved, the carer’s reward becomes due. Mark it paid once it has been paid.
          </p>
        </div>
      </div>
      <form onSubmit={submit} noValidate role="search" aria-label="Referrals">
        <Select<ReferralStatus>
          id="status"
          label="Status"
          value={statusChoice}
          onChange={setStatusChoice}
          options={[{ value: '', text: 'All' }, ...(Object.keys(REFERRAL_STATUSES) as ReferralStatus[]).map((s) => ({ value: s, text: REFERRAL_STATUSES[s].name }))]}
        />
        <Button variant="secondary">Show</Button>
      </form>
      {referrals.isPending && (
        <p className="govuk-body" role="status">
          Loading referrals…
        </p>
      )}
      {referrals.isError && <p className="govuk-body">Sorry, the referrals cannot be shown right now. Try again later.</p>}
      {referrals.data && referrals.data.items.length === 0 && <p className="govuk-body">No referrals match.</p>}
      {referrals.data && referrals.data.items.length > 0 && (
        <Table<Schemas['ReferralOut']>
          caption="Referrals"
          captionHidden
          rows={referrals.data.items}
          rowKey={(r) => r.id}
          firstCellIsHeader
          columns={[
            {
              header: 'Enquiry',
              cell: (r) => (
                <Link className="govuk-link" to={`/staff/enquiries/${r.enquiry_id}`}>
                  {r.enquiry_reference}
                </Link>
              ),
            },
            {
              header: 'Referred by',
              cell: (r) => (
                <Link className="govuk-link" to={`/staff/carers/${r.household_id}`}>
                  {r.household_name || 'Carer household'}
                  <span className="govuk-visually-hidden"> (carer household) who referred {r.enquiry_reference}</span>
                </Link>
              ),
            },
            { header: 'Referred on', cell: (r) => formatDate(r.created_at) },
            { header: 'Status', cell: (r) => <ReferralStatusTag status={r.status} /> },
            { header: 'Reward', numeric: true, cell: (r) => (r.reward_pence === null ? '–' : formatPence(r.reward_pence)) },
            {
              header: 'Action',
              cell: (r) =>
                r.status === 'due' ? (
                  <Link className="govuk-link" to={r.id}>
                    Mark paid<span className="govuk-visually-hidden"> for {r.enquiry_reference}</span>
                  </Link>
                ) : (
                  <Link className="govuk-link" to={r.id}>
                    View<span className="govuk-visually-hidden"> referral {r.enquiry_reference}</span>
                  </Link>
                ),
            },
          ]}
        />
      )}
      {referrals.data && <Pagination label="Pages of referrals" previous={links.previous} next={links.next} />}
    </>
  )
}
