import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { BackLink } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useEvent } from '../api/get-event'
import { useEventResults } from '../api/get-results'

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
export const money = (pence: number) => pounds.format(pence / 100)

/** What an event achieved: who came, the enquiries it brought and what followed, cost per enquiry. */
export function ResultsPage({ notFound }: { notFound: ReactNode }) {
  const { eventId = '' } = useParams()
  const event = useEvent(eventId)
  const results = useEventResults(eventId)
  const title = event.data?.event.title
  usePageTitle(title ? `Results – ${title}` : 'Results')

  if (isApiError(results.error, 404) || isApiError(event.error, 404)) return <>{notFound}</>
  const data = results.data
  return (
    <>
      <BackLink to={`/staff/events/${eventId}`}>Back to the event</BackLink>
      <span className="govuk-caption-l">{title}</span>
      <h1 className="govuk-heading-xl">Results</h1>
      {results.isPending && (
        <p className="govuk-body" role="status">
          Loading results…
        </p>
      )}
      {results.isError && <p className="govuk-body">Sorry, the results cannot be shown right now. Try again later.</p>}
      {data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Attendance</h2>
            <SummaryList
              rows={[
                { key: 'Registrations', value: String(data.registrations) },
                { key: 'Places confirmed', value: String(data.confirmed) },
                { key: 'On the waiting list', value: String(data.waitlisted) },
                { key: 'Cancelled', value: String(data.cancelled) },
                { key: 'Came', value: String(data.attended) },
                { key: 'Did not come', value: String(data.no_shows) },
                {
                  key: 'Attendance rate',
                  value: data.attendance_rate === null ? 'Not known yet' : `${Math.round(data.attendance_rate * 100)}%`,
                },
              ]}
            />
            <h2 className="govuk-heading-m">Recruitment</h2>
            <p className="govuk-body">Your council’s enquiries that name this event or quote its campaign code, and how far they went.</p>
            <SummaryList
              rows={[
                { key: 'Enquiries', value: String(data.enquiries) },
                { key: 'Reached an initial visit', value: String(data.reached_initial_visit) },
                { key: 'Applications', value: String(data.applications) },
                { key: 'Approvals', value: String(data.approvals) },
                { key: 'Cost', value: data.cost_pence === null ? 'Not recorded' : money(data.cost_pence) },
                {
                  key: 'Cost per enquiry',
                  value: data.cost_per_enquiry_pence === null ? 'Not known' : money(data.cost_per_enquiry_pence),
                },
              ]}
            />
          </div>
        </div>
      )}
    </>
  )
}
