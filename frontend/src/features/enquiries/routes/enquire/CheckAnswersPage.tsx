import { Navigate, useNavigate } from 'react-router'
import { Button } from '../../../../components/govuk/Button'
import { ErrorSummary, type SummaryError } from '../../../../components/govuk/ErrorSummary'
import { SummaryList, type SummaryRow } from '../../../../components/govuk/SummaryList'
import { BackLink } from '../../../../components/govuk/Typography'
import { fosteringTypeName } from '../../../../lib/format'
import { usePageTitle } from '../../../../lib/page'
import { channelName } from '../../../../lib/vocabulary'
import { useCreateEnquiry } from '../../api/create-enquiry'
import { useEnquiryCouncil } from '../../api/get-council'
import {
  FIELD_PAGES,
  PRIVACY_NOTICE_VERSION,
  STEPS,
  channelOf,
  errorsFromProblem,
  firstPageWithError,
  nearestCouncils,
  onlyTheEventIsWrong,
  toEnquiryBody,
  type FieldId,
  type Step,
} from '../../journey/answers'
import { useEnquiryJourney } from '../../journey/EnquiryJourney'
import { JOURNEY_BASE, stepPath } from '../../journey/QuestionPage'

function change(step: Step, what: string): SummaryRow['action'] {
  return { to: stepPath(step, true), text: 'Change', visuallyHiddenText: what }
}

const NOT_GIVEN = 'Not given'

/** Check your answers, then send: one enquiry however often the button is pressed. */
export function CheckAnswersPage() {
  const journey = useEnquiryJourney()
  const council = useEnquiryCouncil(journey.answers.council || undefined)
  const create = useCreateEnquiry()
  const navigate = useNavigate()
  const formError = journey.errors.form
  const pending = (Object.keys(journey.errors) as (FieldId | 'form')[]).filter((key): key is FieldId => key !== 'form')
  usePageTitle('Check your answers before sending your enquiry', { error: Boolean(formError) || pending.length > 0 })

  // Sent: the answers are forgotten as the confirmation opens.
  if (journey.receipt) return <Navigate to={stepPath('sent')} replace />
  if (!journey.started) return <Navigate to={JOURNEY_BASE} replace />
  const { answers, source } = journey
  // Someone who skipped ahead (a bookmark, the back button) answers what is missing first.
  const missing = !answers.firstName ? 'name' : !answers.email ? 'contact' : !answers.postcode ? 'postcode' : !answers.interests.length ? 'interests' : !answers.contactOk ? 'consent' : null
  if (missing) return <Navigate to={stepPath(missing)} replace />

  const send = (withoutEvent = false) => {
    const body = toEnquiryBody(answers, withoutEvent ? { ...source, eventId: '' } : source)
    create.mutate(
      { body, key: journey.idempotencyKey(body) },
      {
        onSuccess: (receipt) => {
          journey.finish(receipt)
          navigate(stepPath('sent'))
        },
        onError: (error) => {
          // The event came with the link and is not the visitor's to fix (say they chose a
          // council that did not run it): the enquiry still goes, without it.
          if (!withoutEvent && body.source.event_id && onlyTheEventIsWrong(error)) return send(true)
          const errors = errorsFromProblem(error)
          journey.failed(errors, nearestCouncils(error))
          const page = firstPageWithError(errors)
          if (page) navigate(stepPath(page, true))
        },
      },
    )
  }

  // How the code reached them (a leaflet, an event); a carer's referral says so on its own row.
  const channel = channelOf(answers, source)
  const household = [
    answers.adults && `${answers.adults} ${answers.adults === '1' ? 'adult' : 'adults'}`,
    answers.children && `${answers.children} ${answers.children === '1' ? 'child' : 'children'}`,
    answers.spareBedroom && (answers.spareBedroom === 'yes' ? 'a spare bedroom' : 'no spare bedroom'),
  ].filter(Boolean)

  const summary: SummaryError[] = [
    ...(formError ? [{ text: formError }] : []),
    ...STEPS.flatMap((step) =>
      pending.filter((field) => FIELD_PAGES[field] === step).map((field) => ({ to: stepPath(step, true), text: journey.errors[field] ?? '' })),
    ),
  ]

  return (
    <>
      <BackLink to={stepPath('consent')} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {summary.length > 0 && <ErrorSummary key={create.submittedAt} errors={summary} />}
          <span className="govuk-caption-l">Ask about fostering{council.data ? ` with ${council.data.name}` : ''}</span>
          <h1 className="govuk-heading-l">Check your answers before sending your enquiry</h1>

          <h2 className="govuk-heading-m">About you</h2>
          <SummaryList
            rows={[
              { key: 'Name', value: `${answers.firstName} ${answers.lastName}`, action: change('name', 'name') },
              { key: 'Email address', value: answers.email, action: change('contact', 'email address') },
              { key: 'Phone number', value: answers.phone || NOT_GIVEN, action: change('contact', 'phone number') },
              { key: 'Postcode', value: answers.postcode, action: change('postcode', 'postcode') },
              { key: 'Council', value: council.data?.name ?? answers.council, action: change('postcode', 'council') },
            ]}
          />

          <h2 className="govuk-heading-m">Fostering</h2>
          <SummaryList
            rows={[
              {
                key: 'Kinds of fostering',
                value: (
                  <ul className="govuk-list">
                    {answers.interests.map((type) => (
                      <li key={type}>{fosteringTypeName(type)}</li>
                    ))}
                  </ul>
                ),
                action: change('interests', 'kinds of fostering'),
              },
              { key: 'Household', value: household.length ? household.join(', ') : NOT_GIVEN, action: change('household', 'household') },
              {
                key: 'Code from a leaflet, poster or card',
                value: answers.campaignCode ? `${answers.campaignCode}${channel === 'referral' ? '' : ` (${channelName(channel).toLowerCase()})`}` : NOT_GIVEN,
                action: change('code', 'code from a leaflet, poster or card'),
              },
              { key: 'Referral code from a foster carer', value: answers.referralCode || NOT_GIVEN, action: change('code', 'referral code') },
            ]}
          />

          <h2 className="govuk-heading-m">Contacting you</h2>
          <SummaryList
            rows={[
              { key: 'About this enquiry', value: 'Yes, you may contact me', action: change('consent', 'contact about this enquiry') },
              { key: 'News about events', value: answers.marketingOk ? 'Yes' : 'No', action: change('consent', 'news about events') },
            ]}
          />

          <h2 className="govuk-heading-m">Now send your enquiry</h2>
          <p className="govuk-body">
            By sending this enquiry you agree that {council.data?.name ?? 'the council'} may keep your details as its privacy notice
            (version {PRIVACY_NOTICE_VERSION}) says.
          </p>
          <Button type="button" preventDoubleClick disabled={create.isPending} onClick={() => send()}>
            Send enquiry
          </Button>
        </div>
      </div>
    </>
  )
}
