import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup, ButtonLink } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { Select } from '../../../components/govuk/Select'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink, InsetText } from '../../../components/govuk/Typography'
import { useMe } from '../../../lib/auth/AuthProvider'
import { hasAnyRole } from '../../../lib/auth/roles'
import { formatDate, formatDateTime, fosteringTypeName } from '../../../lib/format'
import { errorsFromApi, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { channelName, stageName } from '../../../lib/vocabulary'
import { useAddNote } from '../api/add-note'
import { useExportEnquiry } from '../api/export-enquiry'
import { useEnquiry } from '../api/get-enquiry'
import { usePipeline } from '../api/get-pipeline'
import { useTimeline } from '../api/get-timeline'
import { useUpdateEnquiry } from '../api/update-enquiry'
import { useStaff } from '../api/list-staff'
import { assignable, whoIs } from '../components/people'
import { OverdueTag, StageTag } from '../components/StageTag'
import { Timeline } from '../components/Timeline'

/** What the page says after another page changed the enquiry. */
export interface EnquiryPageState {
  notice?: 'moved' | 'contact' | 'updated' | 'erased'
  offerNoResponse?: boolean
}

type Enquiry = Schemas['EnquiryDetail']

function household(value: Enquiry['household']): string {
  if (!value) return 'Not given'
  const h = value as { adults?: number | null; children?: number | null; spare_bedroom?: boolean | null; notes?: string | null }
  const parts = [
    typeof h.adults === 'number' ? `${h.adults} ${h.adults === 1 ? 'adult' : 'adults'}` : null,
    typeof h.children === 'number' ? `${h.children} ${h.children === 1 ? 'child' : 'children'}` : null,
    typeof h.spare_bedroom === 'boolean' ? (h.spare_bedroom ? 'a spare bedroom' : 'no spare bedroom') : null,
    h.notes ?? null,
  ].filter(Boolean)
  return parts.length ? parts.join(', ') : 'Not given'
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No'
}

/** One enquiry: the person, where they came from, consent, assignment, timeline and what to do next. */
export function EnquiryPage({ notFound }: { notFound: ReactNode }) {
  const { enquiryId = '' } = useParams()
  const me = useMe()
  const enquiry = useEnquiry(enquiryId)
  const timeline = useTimeline(enquiryId)
  const pipeline = usePipeline()
  const update = useUpdateEnquiry(enquiryId)
  const staff = useStaff()
  const exporter = useExportEnquiry(enquiryId)
  const addNote = useAddNote(enquiryId)
  const [note, setNote] = useState('')
  const noteErrors = useFormErrors<'note'>()
  const location = useLocation()
  const state = (location.state as EnquiryPageState | null) ?? {}
  const data = enquiry.data?.enquiry
  usePageTitle(data ? `${data.first_name} ${data.last_name} (${data.reference})` : 'Enquiry', { error: noteErrors.hasErrors })

  if (isApiError(enquiry.error, 404)) return <>{notFound}</>
  if (!enquiry.data || !data) {
    return (
      <p className="govuk-body" role="status">
        {enquiry.isError ? 'Sorry, this enquiry cannot be shown right now. Try again later.' : 'Loading…'}
      </p>
    )
  }
  const { etag } = enquiry.data
  const isAdmin = hasAnyRole(me.roles, ['admin'])
  const erased = Boolean(data.erased_at)
  const closeReason = data.close_reason
    ? (pipeline.data?.reasons[data.stage]?.find((r) => r.code === data.close_reason)?.text ?? data.close_reason)
    : null

  const assign = (assignedTo: string | null) => update.mutate({ etag, patch: { assigned_to: assignedTo } })
  const submitNote = (event: FormEvent) => {
    event.preventDefault()
    if (!note.trim()) return noteErrors.setErrors({ note: 'Enter a note' })
    noteErrors.setErrors({})
    addNote.mutate(note.trim(), {
      onSuccess: () => setNote(''),
      onError: (error) => noteErrors.setErrors(errorsFromApi(error, { body: 'note' })),
    })
  }

  return (
    <>
      <BackLink to="/staff/enquiries">Back to enquiries</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {noteErrors.hasErrors && (
            <ErrorSummary key={noteErrors.attempt} errors={[{ href: 'note', text: noteErrors.errors.note ?? noteErrors.errors.form ?? '' }]} />
          )}
          {state.notice === 'moved' && (
            <NotificationBanner type="success" heading={`Moved to ${stageName(data.stage)}`}>
              {data.carer_household_id && (
                <p className="govuk-body">
                  <Link className="govuk-notification-banner__link" to={`/staff/carers/${data.carer_household_id}`}>
                    See the new carer household
                  </Link>
                </p>
              )}
            </NotificationBanner>
          )}
          {state.notice === 'contact' && (
            <NotificationBanner type="success" heading="Contact attempt recorded">
              {state.offerNoResponse && data.allowed_moves.includes('no_response') && (
                <p className="govuk-body">
                  The council’s number of failed attempts is reached: you may close this as no response.{' '}
                  <Link className="govuk-notification-banner__link" to="move?to=no_response">
                    Close as no response
                  </Link>
                </p>
              )}
            </NotificationBanner>
          )}
          {state.notice === 'updated' && <NotificationBanner type="success" heading="Details corrected" />}
          {state.notice === 'erased' && <NotificationBanner type="success" heading="The person’s details are erased" />}
          {update.isSuccess && (
            <NotificationBanner
              type="success"
              heading={data.assigned_to ? `Assigned to ${whoIs(data.assigned_to, me.id, staff.data).replace(/^You$/, 'you')}` : 'No longer assigned'}
            />
          )}
          {update.isError && (
            <NotificationBanner title="There is a problem">
              <p className="govuk-body">
                {isApiError(update.error, 412)
                  ? 'Someone changed this enquiry while you were looking at it. The page now shows the latest version: check it and try again.'
                  : isApiError(update.error, 409)
                    ? (update.error.problem?.detail ?? 'This enquiry cannot be changed.')
                    : 'Sorry, the enquiry could not be changed. Try again later.'}
              </p>
            </NotificationBanner>
          )}
          {state.notice !== 'contact' && data.offer_no_response && data.allowed_moves.includes('no_response') && (
            <NotificationBanner heading={`${data.failed_contact_attempts} failed contact attempts`}>
              <p className="govuk-body">
                You may close this as no response.{' '}
                <Link className="govuk-notification-banner__link" to="move?to=no_response">
                  Close as no response
                </Link>
              </p>
            </NotificationBanner>
          )}

          <span className="govuk-caption-l">{data.reference}</span>
          <h1 className="govuk-heading-xl govuk-!-margin-bottom-4">
            {data.first_name} {data.last_name}
          </h1>
          <p className="govuk-body">
            <StageTag stage={data.stage} />
            {data.is_overdue && (
              <>
                {' '}
                <OverdueTag />
              </>
            )}
          </p>
          {data.duplicate_of && (
            <InsetText>
              This person enquired again within 90 days.{' '}
              <Link className="govuk-link" to={`/staff/enquiries/${data.duplicate_of}`}>
                Work their first enquiry
              </Link>{' '}
              instead.
            </InsetText>
          )}

          {!erased && (
            <ButtonGroup>
              {data.allowed_moves.length > 0 && <ButtonLink to="move">Move or close</ButtonLink>}
              <ButtonLink to="contact" variant="secondary">
                Record a contact attempt
              </ButtonLink>
              <Link className="govuk-link" to="edit">
                Correct details
              </Link>
            </ButtonGroup>
          )}

          <h2 className="govuk-heading-m">Assignment</h2>
          <SummaryList rows={[{ key: 'Assigned to', value: whoIs(data.assigned_to, me.id, staff.data) }]} />
          {!erased && (
            <AssignmentForm
              key={data.assigned_to ?? ''}
              assignedTo={data.assigned_to}
              assignedName={whoIs(data.assigned_to, me.id, staff.data)}
              myId={me.id}
              people={assignable(staff.data, me.id)}
              pending={update.isPending}
              onAssign={assign}
            />
          )}

          <h2 className="govuk-heading-m">Progress</h2>
          <SummaryList
            rows={[
              { key: 'Stage', value: stageName(data.stage) },
              { key: 'In this stage since', value: formatDateTime(data.stage_entered_at) },
              { key: 'Next step due', value: data.due_at ? `${formatDate(data.due_at)}${data.is_overdue ? ' (overdue)' : ''}` : 'No target' },
              { key: 'Failed contact attempts', value: String(data.failed_contact_attempts) },
              ...(data.closed_at ? [{ key: 'Closed', value: `${formatDate(data.closed_at)}${closeReason ? `: ${closeReason}` : ''}` }] : []),
              ...(data.carer_household_id
                ? [
                    {
                      key: 'Carer household',
                      value: (
                        <Link className="govuk-link" to={`/staff/carers/${data.carer_household_id}`}>
                          View the household
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />

          <h2 className="govuk-heading-m">The person</h2>
          <SummaryList
            rows={[
              { key: 'Name', value: `${data.contact.first_name} ${data.contact.last_name}` },
              { key: 'Email address', value: data.contact.email ?? 'Not given' },
              { key: 'Phone number', value: data.contact.phone ?? 'Not given' },
              { key: 'Postcode', value: data.contact.postcode ?? 'Not given' },
              { key: 'Prefers', value: data.contact.preferred_contact ?? 'Not said' },
              { key: 'Kinds of fostering', value: data.interests.map(fosteringTypeName).join(', ') || 'Not given' },
              { key: 'Household', value: household(data.household) },
              { key: 'Received', value: formatDateTime(data.received_at) },
            ]}
          />

          <h2 className="govuk-heading-m">Where they came from</h2>
          <SummaryList
            rows={[
              { key: 'Channel', value: channelName(data.source.channel) },
              {
                key: 'Campaign',
                value: data.source.campaign_id ? (
                  <Link className="govuk-link" to={`/staff/campaigns/${data.source.campaign_id}`}>
                    {data.source.campaign_code ?? 'View campaign'}
                  </Link>
                ) : (
                  'None'
                ),
              },
              { key: 'Referred by a carer', value: yesNo(data.source.referral) },
              ...(data.source.utm && Object.keys(data.source.utm).length
                ? [{ key: 'Tracking', value: Object.entries(data.source.utm).map(([k, v]) => `${k}: ${String(v)}`).join(', ') }]
                : []),
            ]}
          />

          <h2 className="govuk-heading-m">Consent</h2>
          <SummaryList
            rows={[
              { key: 'Privacy notice version', value: data.consent.privacy_notice_version },
              { key: 'May contact about this enquiry', value: yesNo(data.consent.contact_ok) },
              { key: 'News about events', value: yesNo(data.consent.marketing_ok) },
              { key: 'Given', value: formatDateTime(data.consent.consent_at) },
            ]}
          />

          <h2 className="govuk-heading-m">Timeline</h2>
          {!erased && (
            <form onSubmit={submitNote} noValidate>
              <Textarea id="note" label="Add a note" rows={3} error={noteErrors.errors.note} value={note} onChange={setNote} />
              <Button variant="secondary" disabled={addNote.isPending}>
                Add note
              </Button>
            </form>
          )}
          {timeline.isPending && <p className="govuk-body">Loading the timeline…</p>}
          {timeline.isError && <p className="govuk-body">Sorry, the timeline cannot be shown right now.</p>}
          {timeline.data && <Timeline entries={timeline.data} />}

          {isAdmin && (
            <>
              <h2 className="govuk-heading-m">Data protection</h2>
              <p className="govuk-body">For a subject access request, download everything held on this person. For a request to be forgotten, erase their details: the anonymous history stays for the council’s figures.</p>
              {exporter.isError && <p className="govuk-error-message">Sorry, the download failed. Try again later.</p>}
              <ButtonGroup>
                <Button type="button" variant="secondary" disabled={exporter.isPending} onClick={() => exporter.mutate(data.reference)}>
                  Download everything held (JSON)
                </Button>
                {!erased && (
                  <ButtonLink to="erase" variant="warning">
                    Erase personal details
                  </ButtonLink>
                )}
              </ButtonGroup>
            </>
          )}
        </div>
      </div>
    </>
  )
}

/** Assign to a colleague by name, to yourself in one press, or to nobody. */
function AssignmentForm({
  assignedTo,
  assignedName,
  myId,
  people,
  pending,
  onAssign,
}: {
  assignedTo: string | null
  assignedName: string
  myId: string | null | undefined
  people: readonly { id: string; display_name: string }[]
  pending: boolean
  onAssign: (userId: string | null) => void
}) {
  const [choice, setChoice] = useState(assignedTo ?? '')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if ((choice || null) !== assignedTo) onAssign(choice || null)
  }
  return (
    <form onSubmit={submit} noValidate>
      <Select<string>
        id="assign-to"
        label="Assign to"
        hint="Active staff of your council"
        value={choice}
        onChange={setChoice}
        options={[
          { value: '', text: 'Nobody' },
          // The one assigned stays listed even if they can no longer take work, until changed.
          ...(assignedTo && !people.some((p) => p.id === assignedTo) ? [{ value: assignedTo, text: assignedName }] : []),
          ...people.map((p) => ({ value: p.id, text: p.id === myId ? `${p.display_name} (you)` : p.display_name })),
        ]}
      />
      <ButtonGroup>
        <Button variant="secondary" disabled={pending}>
          Save assignment
        </Button>
        {myId && assignedTo !== myId && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => onAssign(myId)}>
            Assign to me
          </Button>
        )}
        {assignedTo && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => onAssign(null)}>
            Unassign
          </Button>
        )}
      </ButtonGroup>
    </form>
  )
}
