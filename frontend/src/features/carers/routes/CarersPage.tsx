import { useState, type FormEvent } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { Button } from '../../../components/govuk/Button'
import { Input } from '../../../components/govuk/Input'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { formatDate, fosteringTypeName } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { useCarers, type CarersFilter } from '../api/list-carers'
import { HouseholdStatusTag } from '../components/HouseholdStatusTag'
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../vocabulary'

const PAGE_SIZE = 25

function isStatus(value: string | null): value is HouseholdStatus {
  return value !== null && value in HOUSEHOLD_STATUSES
}

/** The council's approved carer households, with search and a status filter. */
export function CarersPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const q = params.get('q') ?? ''
  const status = params.get('status')
  const cursor = params.get('cursor')
  const filter: CarersFilter = { limit: PAGE_SIZE, ...(q ? { q } : {}), ...(isStatus(status) ? { status } : {}), ...(cursor ? { cursor } : {}) }
  const carers = useCarers(filter)
  const [search, setSearch] = useState(q)
  const [statusChoice, setStatusChoice] = useState<HouseholdStatus | ''>(isStatus(status) ? status : '')
  usePageTitle('Carers')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (search.trim()) next.set('q', search.trim())
    if (statusChoice) next.set('status', statusChoice)
    setParams(next)
  }
  const links = pageLinks(params, previousCursors(location.state), carers.data?.next_cursor)

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Carers</h1>
          <p className="govuk-body">
            Foster carer households: made when an enquiry is approved. See also{' '}
            <Link className="govuk-link" to="/staff/referrals">
              carers’ referrals and rewards
            </Link>
            .
          </p>
        </div>
      </div>
      <form onSubmit={submit} noValidate role="search" aria-label="Carers">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Input id="q" label="Name" value={search} onChange={setSearch} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select<HouseholdStatus>
              id="status"
              label="Status"
              value={statusChoice}
              onChange={setStatusChoice}
              options={[{ value: '', text: 'All' }, ...(Object.keys(HOUSEHOLD_STATUSES) as HouseholdStatus[]).map((s) => ({ value: s, text: HOUSEHOLD_STATUSES[s].name }))]}
            />
          </div>
        </div>
        <Button variant="secondary">Search</Button>
      </form>
      {carers.isPending && (
        <p className="govuk-body" role="status">
          Loading carers…
        </p>
      )}
      {carers.isError && <p className="govuk-body">Sorry, the carers cannot be shown right now. Try again later.</p>}
      {carers.data && carers.data.items.length === 0 && <p className="govuk-body">No households match.</p>}
      {carers.data && carers.data.items.length > 0 && (
        <Table<Schemas['HouseholdOut']>
          caption="Carer households"
          captionHidden
          rows={carers.data.items}
          rowKey={(h) => h.id}
          firstCellIsHeader
          columns={[
            {
              header: 'Household',
              cell: (h) => (
                <Link className="govuk-link" to={h.id}>
                  {h.name}
                </Link>
              ),
            },
            { header: 'Approved', cell: (h) => formatDate(h.approved_on) },
            { header: 'Approved for', cell: (h) => h.fostering_types.map(fosteringTypeName).join(', ') },
            { header: 'Ages', cell: (h) => `${h.age_min} to ${h.age_max}` },
            { header: 'Places', numeric: true, cell: (h) => h.places },
            { header: 'Status', cell: (h) => <HouseholdStatusTag status={h.status} /> },
          ]}
        />
      )}
      {carers.data && <Pagination label="Pages of carers" previous={links.previous} next={links.next} />}
    </>
  )
}
