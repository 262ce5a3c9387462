import { useState, type FormEvent } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { Button } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { Details } from '../../../components/govuk/Details'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { summaryOf, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { pageLinks, previousCursors } from '../../../lib/paging'
import { CHANNELS, STAGES, channelName, isChannel, isStage, stageName, type Channel, type Stage } from '../../../lib/vocabulary'
import { useEnquiries, type EnquiriesFilter } from '../api/list-enquiries'
import { useStaff } from '../api/list-staff'
import { EnquiryTable } from '../components/EnquiryTable'
import { assignable, whoIs } from '../components/people'
import { useMe } from '../../../lib/auth/AuthProvider'

const PAGE_SIZE = 25
/** `me`, `none`, `all`, or a colleague's user id (from the staff directory). */
type Assigned = string
type Flag = 'overdue' | 'recontact' | 'offer_no_response'
type Field = 'received-from' | 'received-to'

const FLAGS: readonly { value: Flag; label: string }[] = [
  { value: 'overdue', label: 'Past its target' },
  { value: 'offer_no_response', label: 'May be closed as no response' },
  { value: 'recontact', label: 'To contact again (withdrew or did not respond, agreed to hear from us again)' },
]

function isAssigned(value: string | null): value is Assigned {
  return value === 'me' || value === 'none' || value === 'all' || /^[0-9a-f-]{36}$/.test(value ?? '')
}

function toParts(iso: string | null): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  return match ? { year: match[1] ?? '', month: String(Number(match[2])), day: String(Number(match[3])) } : { day: '', month: '', year: '' }
}

const blank = (parts: DateParts) => !parts.day.trim() && !parts.month.trim() && !parts.year.trim()

/**
 * The council's enquiries with filters and search, the filters in the address so a list can
 * be shared. `queue="overdue"` is the overdue queue: work past its target, yours by default.
 */
export function EnquiriesPage({ queue }: { queue?: 'overdue' }) {
  const [params] = useSearchParams()
  // The filter form starts again from the address whenever the filters change (a board link).
  const filters = new URLSearchParams(params)
  filters.delete('cursor')
  return <EnquiriesList key={filters.toString()} queue={queue} />
}

function EnquiriesList({ queue }: { queue?: 'overdue' | undefined }) {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const stack = previousCursors(location.state)
  const isQueue = queue === 'overdue'

  const q = params.get('q') ?? ''
  const stages = params.getAll('stage').filter(isStage)
  const channel = params.get('channel')
  const campaign = params.get('campaign') ?? ''
  const assignedParam = params.get('assigned_to')
  const assigned: Assigned = isAssigned(assignedParam) ? assignedParam : isQueue ? 'me' : 'all'
  const flags = FLAGS.map((f) => f.value).filter((flag) => params.get(flag) === 'true')
  const from = params.get('received_from')
  const to = params.get('received_to')
  const cursor = params.get('cursor')

  const filter: EnquiriesFilter = {
    limit: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(stages.length ? { stage: stages } : {}),
    ...(isChannel(channel) ? { channel } : {}),
    ...(campaign ? { campaign } : {}),
    ...(assigned !== 'all' ? { assigned_to: assigned } : {}),
    ...(isQueue || flags.includes('overdue') ? { overdue: true } : {}),
    ...(flags.includes('recontact') ? { recontact: true } : {}),
    ...(flags.includes('offer_no_response') ? { offer_no_response: true } : {}),
    ...(from && toIsoDate(toParts(from)) ? { received_from: from } : {}),
    ...(to && toIsoDate(toParts(to)) ? { received_to: to } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const enquiries = useEnquiries(filter)
  const me = useMe()
  const staff = useStaff()
  const colleagues = assignable(staff.data, me.id).filter((person) => person.id !== me.id)
  const title = isQueue ? 'Overdue queue' : 'Enquiries'
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(title, { error: hasErrors })

  const [search, setSearch] = useState(q)
  const [stageChoice, setStageChoice] = useState<Stage[]>(stages)
  const [channelChoice, setChannelChoice] = useState<Channel | ''>(isChannel(channel) ? channel : '')
  const [campaignChoice, setCampaignChoice] = useState(campaign)
  const [assignedChoice, setAssignedChoice] = useState<Assigned | ''>(assigned)
  const [flagChoice, setFlagChoice] = useState<Flag[]>(flags)
  const [fromParts, setFromParts] = useState(toParts(from))
  const [toParts_, setToParts] = useState(toParts(to))
  const moreOpen = stages.length > 0 || Boolean(campaign) || Boolean(from) || Boolean(to) || flags.length > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fromIso = blank(fromParts) ? '' : toIsoDate(fromParts)
    const toIso = blank(toParts_) ? '' : toIsoDate(toParts_)
    const found: Partial<Record<Field, string>> = {}
    if (fromIso === null) found['received-from'] = 'Received from must be a real date, like 1 11 2026'
    if (toIso === null) found['received-to'] = 'Received to must be a real date, like 30 11 2026'
    if (fromIso && toIso && toIso < fromIso) found['received-to'] = 'Received to must be the same as or after received from'
    setErrors(found)
    if (Object.keys(found).length) return
    const next = new URLSearchParams()
    if (search.trim()) next.set('q', search.trim())
    for (const stage of stageChoice) next.append('stage', stage)
    if (channelChoice) next.set('channel', channelChoice)
    if (campaignChoice.trim()) next.set('campaign', campaignChoice.trim().toUpperCase())
    if (assignedChoice && assignedChoice !== (isQueue ? 'me' : 'all')) next.set('assigned_to', assignedChoice)
    for (const flag of flagChoice) if (!(isQueue && flag === 'overdue')) next.set(flag, 'true')
    if (fromIso) next.set('received_from', fromIso)
    if (toIso) next.set('received_to', toIso)
    setParams(next)
  }

  const links = pageLinks(params, stack, enquiries.data?.next_cursor)

  return (
    <>
      <h1 className="govuk-heading-xl">{title}</h1>
      {isQueue && <p className="govuk-body">Enquiries whose next step is past the council’s target, oldest target first.</p>}
      {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, ['received-from', 'received-to'])} />}
      <form onSubmit={submit} noValidate role="search" aria-label={title}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Input id="q" label="Name, reference, postcode or email" value={search} onChange={setSearch} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select<Assigned>
              id="assigned_to"
              label="Assigned to"
              value={assignedChoice}
              onChange={setAssignedChoice}
              options={[
                { value: 'all', text: 'Anyone' },
                { value: 'me', text: 'Me' },
                { value: 'none', text: 'Nobody' },
                // A colleague in the address who is no longer active keeps their name here.
                ...(isAssigned(assigned) && !['all', 'me', 'none'].includes(assigned) && !colleagues.some((c) => c.id === assigned)
                  ? [{ value: assigned, text: whoIs(assigned, me.id, staff.data) }]
                  : []),
                ...colleagues.map((person) => ({ value: person.id, text: person.display_name })),
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select<Channel>
              id="channel"
              label="Came from"
              value={channelChoice}
              onChange={setChannelChoice}
              options={[{ value: '', text: 'Anywhere' }, ...CHANNELS.map((c) => ({ value: c, text: channelName(c) }))]}
            />
          </div>
        </div>
        <Details summary="More filters" open={moreOpen || hasErrors}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              {!isQueue && (
                <Checkboxes<Stage>
                  id="stage"
                  legend="Stage"
                  legendSize="s"
                  small
                  choices={STAGES.map((stage) => ({ value: stage, label: stageName(stage) }))}
                  values={stageChoice}
                  onChange={setStageChoice}
                />
              )}
            </div>
            <div className="govuk-grid-column-one-half">
              <Checkboxes<Flag>
                id="flags"
                legend="Only enquiries"
                legendSize="s"
                small
                choices={FLAGS.filter((f) => !(isQueue && f.value === 'overdue'))}
                values={flagChoice}
                onChange={setFlagChoice}
              />
              <Input id="campaign" label="Campaign code" width="10" spellCheck={false} value={campaignChoice} onChange={setCampaignChoice} />
              <DateInput id="received-from" legend="Received from" legendSize="s" error={errors['received-from']} value={fromParts} onChange={setFromParts} />
              <DateInput id="received-to" legend="Received to" legendSize="s" error={errors['received-to']} value={toParts_} onChange={setToParts} />
            </div>
          </div>
        </Details>
        <Button variant="secondary">Search</Button>
      </form>

      {enquiries.isPending && (
        <p className="govuk-body" role="status">
          Loading enquiries…
        </p>
      )}
      {enquiries.isError && <p className="govuk-body">Sorry, the enquiries cannot be shown right now. Try again later.</p>}
      {enquiries.data && enquiries.data.items.length === 0 && (
        <p className="govuk-body">{isQueue && assigned === 'me' ? 'Nothing of yours is overdue.' : 'No enquiries match.'}</p>
      )}
      {enquiries.data && enquiries.data.items.length > 0 && <EnquiryTable caption={title} rows={enquiries.data.items} />}
      {enquiries.data && <Pagination label={`Pages of ${title.toLowerCase()}`} previous={links.previous} next={links.next} />}
    </>
  )
}
