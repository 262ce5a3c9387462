import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import type { Schemas } from '../../../api/client'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { DateInput, toIsoDate, type DateParts } from '../../../components/govuk/DateInput'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { Radios } from '../../../components/govuk/Radios'
import { Select } from '../../../components/govuk/Select'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { parsePounds } from '../../../lib/money'
import { usePageTitle } from '../../../lib/page'
import { CHANNELS, channelName, type Channel } from '../../../lib/vocabulary'
import { useCreateCampaign } from '../api/create-campaign'
import { AMBASSADOR_TYPES, type AmbassadorType } from '../vocabulary'
import type { CampaignPageState } from './CampaignPage'

type Field = 'name' | 'kind' | 'ambassador-type' | 'channel' | 'starts-on' | 'ends-on' | 'cost' | 'partner'
const FIELDS: readonly Field[] = ['name', 'kind', 'ambassador-type', 'channel', 'starts-on', 'ends-on', 'cost', 'partner']
const EMPTY_DATE: DateParts = { day: '', month: '', year: '' }
const blank = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim()

/** Starts a campaign, or gives an ambassador a personal code. Cost is typed in pounds. */
export function NewCampaignPage() {
  const create = useCreateCampaign()
  const navigate = useNavigate()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<'campaign' | 'ambassador' | ''>('')
  const [ambassadorType, setAmbassadorType] = useState<AmbassadorType | ''>('')
  const [channel, setChannel] = useState<Channel | ''>('')
  const [startsOn, setStartsOn] = useState(EMPTY_DATE)
  const [endsOn, setEndsOn] = useState(EMPTY_DATE)
  const [cost, setCost] = useState('')
  const [partner, setPartner] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle('Create a campaign', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!name.trim()) found.name = 'Enter a name for the campaign'
    else if (name.trim().length > 200) found.name = 'The name must be 200 characters or fewer'
    if (!kind) found.kind = 'Select whether this is a campaign or an ambassador’s code'
    if (kind === 'ambassador' && !ambassadorType) found['ambassador-type'] = 'Select who carries the code'
    if (!channel) found.channel = 'Select where people will see it'
    const starts = blank(startsOn) ? null : toIsoDate(startsOn)
    const ends = blank(endsOn) ? null : toIsoDate(endsOn)
    if (!blank(startsOn) && !starts) found['starts-on'] = 'Start date must be a real date'
    if (!blank(endsOn) && !ends) found['ends-on'] = 'End date must be a real date'
    else if (starts && ends && ends < starts) found['ends-on'] = 'End date must be the same as or after the start date'
    const pence = cost.trim() ? parsePounds(cost) : null
    if (cost.trim() && pence === null) found.cost = 'Enter the cost in pounds, like 250 or 99.50'
    else if (pence !== null && pence > 100_000_000) found.cost = 'The cost must be £1,000,000 or less'
    if (partner.trim().length > 200) found.partner = 'The partner organisation must be 200 characters or fewer'
    setErrors(found)
    if (Object.keys(found).length || !kind || !channel) return
    const body: Schemas['CampaignCreate'] = {
      name: name.trim(),
      channel,
      kind,
      starts_on: starts,
      ends_on: ends,
      cost_pence: pence,
      partner_organisation: partner.trim() || null,
      ambassador_type: kind === 'ambassador' && ambassadorType ? ambassadorType : null,
    }
    create.mutate(body, {
      onSuccess: (campaign) => {
        const state: CampaignPageState = { created: true }
        navigate(`../${campaign.id}`, { relative: 'path', state })
      },
      onError: (error) =>
        setErrors(
          errorsFromApi(error, {
            name: 'name',
            kind: 'kind',
            ambassador_type: 'ambassador-type',
            channel: 'channel',
            starts_on: 'starts-on',
            ends_on: 'ends-on',
            cost_pence: 'cost',
            partner_organisation: 'partner',
          }),
        ),
    })
  }

  return (
    <>
      <BackLink to="..">Back to campaigns</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <h1 className="govuk-heading-xl">Create a campaign</h1>
          <form onSubmit={submit} noValidate>
            <Input id="name" label="Name" hint="For example, Store drop-in week" error={errors.name} value={name} onChange={setName} />
            <Radios
              id="kind"
              legend="What is it?"
              legendSize="m"
              error={errors.kind}
              value={kind}
              onChange={setKind}
              choices={[
                { value: 'campaign', label: 'A campaign', hint: 'Leaflets, posters, adverts or a stall' },
                {
                  value: 'ambassador',
                  label: 'An ambassador’s personal code',
                  hint: 'For a champion, a councillor or a partner business who promotes fostering',
                  conditional: (
                    <Select<AmbassadorType>
                      id="ambassador-type"
                      label="Who carries the code?"
                      error={errors['ambassador-type']}
                      value={ambassadorType}
                      onChange={setAmbassadorType}
                      options={[{ value: '', text: 'Select who' }, ...(Object.keys(AMBASSADOR_TYPES) as AmbassadorType[]).map((t) => ({ value: t, text: AMBASSADOR_TYPES[t] }))]}
                    />
                  ),
                },
              ]}
            />
            <Select<Channel>
              id="channel"
              label="Where will people see it?"
              error={errors.channel}
              value={channel}
              onChange={setChannel}
              options={[{ value: '', text: 'Select a channel' }, ...CHANNELS.map((c) => ({ value: c, text: channelName(c) }))]}
            />
            <Input
              id="partner"
              label="Partner organisation (optional)"
              hint="A shop, a rugby club, a school, a faith group"
              error={errors.partner}
              value={partner}
              onChange={setPartner}
            />
            <DateInput id="starts-on" legend="Start date (optional)" legendSize="s" hint="For example, 1 12 2026" error={errors['starts-on']} value={startsOn} onChange={setStartsOn} />
            <DateInput id="ends-on" legend="End date (optional)" legendSize="s" error={errors['ends-on']} value={endsOn} onChange={setEndsOn} />
            <Input id="cost" label="Cost in pounds (optional)" prefix="£" width="5" inputMode="decimal" spellCheck={false} error={errors.cost} value={cost} onChange={setCost} />
            <ButtonGroup>
              <Button preventDoubleClick disabled={create.isPending}>
                Create campaign
              </Button>
              <Link className="govuk-link" to="..">
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
