import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Radios } from '../../../components/govuk/Radios'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, type ContactChannel, type ContactOutcome } from '../../../lib/vocabulary'
import { useAddContactAttempt } from '../api/add-contact-attempt'
import { useEnquiry } from '../api/get-enquiry'
import type { EnquiryPageState } from './EnquiryPage'

type Field = 'channel' | 'outcome' | 'note'
const FIELDS: readonly Field[] = ['channel', 'outcome', 'note']

/** Records a try at reaching the person; enough failed tries offer closing as no response. */
export function ContactAttemptPage({ notFound }: { notFound: ReactNode }) {
  const { enquiryId = '' } = useParams()
  const enquiry = useEnquiry(enquiryId)
  const add = useAddContactAttempt(enquiryId)
  const navigate = useNavigate()
  const [channel, setChannel] = useState<ContactChannel | ''>('')
  const [outcome, setOutcome] = useState<ContactOutcome | ''>('')
  const [note, setNote] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  const data = enquiry.data?.enquiry
  usePageTitle(data ? `Record a contact attempt for ${data.reference}` : 'Record a contact attempt', { error: hasErrors })

  if (isApiError(enquiry.error, 404)) return <>{notFound}</>
  if (!data) return <p className="govuk-body" role="status">{enquiry.isError ? 'Sorry, this enquiry cannot be shown right now.' : 'Loading…'}</p>

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!channel) found.channel = 'Select how you tried to contact them'
    if (!outcome) found.outcome = 'Select what happened'
    setErrors(found)
    if (!channel || !outcome) return
    add.mutate(
      { channel, outcome, note: note.trim() || null, attempted_at: null },
      {
        onSuccess: ({ offerNoResponse }) => {
          const state: EnquiryPageState = { notice: 'contact', offerNoResponse }
          navigate(`/staff/enquiries/${data.id}`, { state })
        },
        onError: (error) => setErrors(errorsFromApi(error, { channel: 'channel', outcome: 'outcome', note: 'note' })),
      },
    )
  }

  return (
    <>
      <BackLink to={`/staff/enquiries/${data.id}`}>Back to the enquiry</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <span className="govuk-caption-l">
            {data.reference}, {data.first_name} {data.last_name}
          </span>
          <h1 className="govuk-heading-xl">Record a contact attempt</h1>
          <p className="govuk-body">
            {data.contact.phone ? `Phone ${data.contact.phone}. ` : ''}
            {data.contact.email ? `Email ${data.contact.email}.` : ''} Failed attempts so far: {data.failed_contact_attempts}.
          </p>
          <form onSubmit={submit} noValidate>
            <Radios<ContactChannel>
              id="channel"
              legend="How did you try to contact them?"
              legendSize="m"
              error={errors.channel}
              value={channel}
              onChange={setChannel}
              choices={(Object.keys(CONTACT_CHANNELS) as ContactChannel[]).map((c) => ({ value: c, label: CONTACT_CHANNELS[c] }))}
            />
            <Radios<ContactOutcome>
              id="outcome"
              legend="What happened?"
              legendSize="m"
              error={errors.outcome}
              value={outcome}
              onChange={setOutcome}
              choices={(Object.keys(CONTACT_OUTCOMES) as ContactOutcome[]).map((o) => ({ value: o, label: CONTACT_OUTCOMES[o] }))}
            />
            <Textarea id="note" label="Note (optional)" rows={3} error={errors.note} value={note} onChange={setNote} />
            <ButtonGroup>
              <Button preventDoubleClick disabled={add.isPending}>
                Save contact attempt
              </Button>
              <Link className="govuk-link" to={`/staff/enquiries/${data.id}`}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
