import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Button } from '../../../components/govuk/Button'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { Tag } from '../../../components/govuk/Tag'
import { BackLink } from '../../../components/govuk/Typography'
import { formatDate } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useTsdBehind } from '../api/tsd-behind'
import { daysLeftText } from '../vocabulary'

const WINDOWS = ['30', '90', '180', '365'] as const
type Window = (typeof WINDOWS)[number]
const isWindow = (value: string | null): value is Window => WINDOWS.includes(value as Window)

/**
 * Carers falling behind the TSD standards: due within 12 months of approval (18 for family and
 * friends carers), overdue or due soon, soonest deadline first.
 */
export function TsdBehindPage() {
  const [params, setParams] = useSearchParams()
  const within = params.get('within')
  const days: Window = isWindow(within) ? within : '90'
  const behind = useTsdBehind(Number(days))
  const [choice, setChoice] = useState<Window | ''>(days)
  usePageTitle('Carers behind on the TSD standards')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setParams(choice && choice !== '90' ? { within: choice } : {})
  }

  return (
    <>
      <BackLink to="..">Training</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Carers behind on the TSD standards</h1>
          <p className="govuk-body">
            Approved carers must complete the Training, Support and Development Standards within 12 months of approval (18 months
            for family and friends carers).
          </p>
        </div>
      </div>
      <form onSubmit={submit} noValidate aria-label="Deadline">
        <Select<Window>
          id="within"
          label="Show carers overdue or due within"
          value={choice}
          onChange={setChoice}
          options={WINDOWS.map((w) => ({ value: w, text: `${w} days` }))}
        />
        <Button variant="secondary">Show carers</Button>
      </form>
      {behind.isPending && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {behind.isError && <p className="govuk-body">Sorry, this list cannot be shown right now. Try again later.</p>}
      {behind.data && behind.data.length === 0 && <p className="govuk-body">No carers are behind or due within {days} days.</p>}
      {behind.data && behind.data.length > 0 && (
        <Table
          caption={`${behind.data.length} ${behind.data.length === 1 ? 'household' : 'households'} overdue or due within ${days} days`}
          captionSize="s"
          rows={behind.data}
          rowKey={(h) => h.household_id}
          firstCellIsHeader
          columns={[
            {
              header: 'Household',
              cell: (h) => (
                <Link className="govuk-link" to={`../carers/${h.household_id}`} relative="path">
                  {h.name}
                </Link>
              ),
            },
            { header: 'Approved', cell: (h) => `${formatDate(h.approved_on)}${h.is_family_and_friends ? ' (family and friends)' : ''}` },
            { header: 'Deadline', cell: (h) => formatDate(h.due_on) },
            { header: 'Courses done', cell: (h) => `${h.completed} of ${h.required}`, numeric: true },
            { header: 'Status', cell: (h) => (h.is_overdue ? <Tag colour="red">{daysLeftText(h.days_left)}</Tag> : <Tag colour="yellow">{daysLeftText(h.days_left)}</Tag>) },
          ]}
        />
      )}
    </>
  )
}
