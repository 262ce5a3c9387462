import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { BackLink, InsetText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useNewCalendarAddress } from '../api/calendar-address'
import { useMyTrainingRecord } from '../api/my-record'
import { TrainingRecordView } from '../components/TrainingRecordView'

/** "Your training record" in the portal: TSD progress, each course's expiry, bookings. */
export function MyTrainingPage() {
  const record = useMyTrainingRecord()
  const calendar = useNewCalendarAddress()
  usePageTitle('Your training record')
  return (
    <>
      <BackLink to="..">Training sessions</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Your training record</h1>
          {record.isPending && (
            <p className="govuk-body" role="status">
              Loading your record…
            </p>
          )}
          {record.isError && (
            <p className="govuk-body">
              {isApiError(record.error, 404)
                ? 'We cannot find a training record for you. Ask your supervising social worker.'
                : 'Sorry, your training record cannot be shown right now. Try again later.'}
            </p>
          )}
          {record.data && <TrainingRecordView record={record.data} own />}
          <section aria-labelledby="calendar-heading">
            <h2 className="govuk-heading-m" id="calendar-heading">
              Add your bookings to your calendar
            </h2>
            <p className="govuk-body">
              Get a private address to subscribe to in your calendar app. Keep it to yourself: anyone with it can see your
              bookings. Getting a new address stops the old one working.
            </p>
            {calendar.data && (
              <InsetText>
                <p className="govuk-body fh-secret" id="calendar-address">
                  {calendar.data.url}
                </p>
              </InsetText>
            )}
            {calendar.isError && <p className="govuk-body">Sorry, that did not work. Try again later.</p>}
            <Button type="button" variant="secondary" onClick={() => calendar.mutate()} disabled={calendar.isPending}>
              {calendar.data ? 'Get a new address' : 'Get your calendar address'}
            </Button>
          </section>
        </div>
      </div>
    </>
  )
}
