import { useState, type FormEvent } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { Button, ButtonLink } from '../../../components/govuk/Button'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { formatPence } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { channelName } from '../../../lib/vocabulary'
import { useCampaigns, type CampaignsFilter } from '../api/list-campaigns'
import { KIND_NAMES, kindName, type CampaignKind } from '../vocabulary'

const PAGE_SIZE = 25

function isKind(value: string | null): value is CampaignKind {
  return value !== null && value in KIND_NAMES
}

/** Campaigns and ambassadors' codes with what they brought in: scans, enquiries, approvals, cost. */
export function CampaignsPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const kind = params.get('kind')
  const cursor = params.get('cursor')
  const filter: CampaignsFilter = { limit: PAGE_SIZE, ...(isKind(kind) ? { kind } : {}), ...(cursor ? { cursor } : {}) }
  const campaigns = useCampaigns(filter)
  const [kindChoice, setKindChoice] = useState<CampaignKind | ''>(isKind(kind) ? kind : '')
  usePageTitle('Campaigns')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setParams(kindChoice ? { kind: kindChoice } : {})
  }
  const links = pageLinks(params, previousCursors(location.state), campaigns.data?.next_cursor)

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Campaigns</h1>
          <p className="govuk-body">
            Each campaign and ambassador has a short code, printed as a QR code on leaflets and posters. Enquiries that come with
            the code are counted here.
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <ButtonLink to="new">Create a campaign</ButtonLink>
        </div>
      </div>
      <form onSubmit={submit} noValidate role="search" aria-label="Campaigns">
        <Select<CampaignKind>
          id="kind"
          label="Show"
          value={kindChoice}
          onChange={setKindChoice}
          options={[{ value: '', text: 'Everything' }, ...(Object.keys(KIND_NAMES) as CampaignKind[]).map((k) => ({ value: k, text: kindName(k) }))]}
        />
        <Button variant="secondary">Show</Button>
      </form>
      {campaigns.isPending && (
        <p className="govuk-body" role="status">
          Loading campaigns…
        </p>
      )}
      {campaigns.isError && <p className="govuk-body">Sorry, the campaigns cannot be shown right now. Try again later.</p>}
      {campaigns.data && campaigns.data.items.length === 0 && <p className="govuk-body">There are no campaigns yet.</p>}
      {campaigns.data && campaigns.data.items.length > 0 && (
        <Table<Schemas['CampaignResults']>
          caption="Campaigns and their results"
          captionHidden
          rows={campaigns.data.items}
          rowKey={(c) => c.id}
          firstCellIsHeader
          columns={[
            {
              header: 'Campaign',
              cell: (c) => (
                <>
                  <Link className="govuk-link" to={c.id}>
                    {c.name}
                  </Link>
                  <span className="govuk-hint govuk-!-margin-bottom-0 govuk-!-font-size-16">
                    {kindName(c.kind)}, {channelName(c.channel).toLowerCase()}
                    {c.partner_organisation ? `, with ${c.partner_organisation}` : ''}
                  </span>
                </>
              ),
            },
            { header: 'Code', cell: (c) => c.code },
            { header: 'Scans', numeric: true, cell: (c) => c.scans },
            { header: 'Enquiries', numeric: true, cell: (c) => c.enquiries },
            { header: 'Applications', numeric: true, cell: (c) => c.applications },
            { header: 'Approvals', numeric: true, cell: (c) => c.approvals },
            { header: 'Cost', numeric: true, cell: (c) => (c.cost_pence === null ? '–' : formatPence(c.cost_pence)) },
            { header: 'Cost per enquiry', numeric: true, cell: (c) => (c.cost_per_enquiry_pence === null ? '–' : formatPence(c.cost_per_enquiry_pence)) },
          ]}
        />
      )}
      {campaigns.data && <Pagination label="Pages of campaigns" previous={links.previous} next={links.next} />}
    </>
  )
}
