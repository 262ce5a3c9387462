import { useState, type FormEvent } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { Button } from '../../../components/govuk/Button'
import { Input } from '../../../components/govuk/Input'
import { Pagination } from '../../../components/govuk/Pagination'
import { Table } from '../../../components/govuk/Table'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDate } from '../../../lib/format'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { usePageTitle } from '../../../lib/page'
import { useCarers, type CarersFilter } from '../api/find-carers'

/** Finds a carer household to open its training record. */
export function CarersPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const q = params.get('q') ?? ''
  const cursor = params.get('cursor')
  const filter: CarersFilter = { limit: 25, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }
  const carers = useCarers(filter)
  const [search, setSearch] = useState(q)
  usePageTitle('Carers’ training records')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setParams(search.trim() ? { q: search.trim() } : {})
  }
  const links = pageLinks(params, previousCursors(location.state), carers.data?.next_cursor)

  return (
    <>
      <BackLink to="..">Training</BackLink>
      <h1 className="govuk-heading-xl">Carers’ training records</h1>
      <form onSubmit={submit} noValidate role="search" aria-label="Carers">
        <Input id="q" label="Household or carer’s name" width="two-thirds" spellCheck={false} value={search} onChange={setSearch} />
        <Button variant="secondary">Search</Button>
      </form>
      {carers.isPending && (
        <p className="govuk-body" role="status">
          Loading carers…
        </p>
      )}
      {carers.isError && <p className="govuk-body">Sorry, carers cannot be shown right now. Try again later.</p>}
      {carers.data && carers.data.items.length === 0 && <p className="govuk-body">No carer households match.</p>}
      {carers.data && carers.data.items.length > 0 && (
        <Table
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
            { header: 'Carers', cell: (h) => h.adults.map((a) => `${a.first_name} ${a.last_name}`).join(', ') },
            { header: 'Approved', cell: (h) => formatDate(h.approved_on) },
          ]}
        />
      )}
      {carers.data && <Pagination label="Pages of carers" previous={links.previous} next={links.next} />}
    </>
  )
}
