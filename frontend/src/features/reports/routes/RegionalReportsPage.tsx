import { useState } from 'react'
import { useParams } from 'react-router'
import { formatDate } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { downloadRegionalFunnelCsv, useRegionalFunnel } from '../api/get-regional-funnel'
import { downloadRegionalOfstedReturnCsv, useRegionalOfstedReturn } from '../api/get-regional-ofsted-return'
import { downloadRegionalRetentionCsv, useRegionalRetention } from '../api/get-regional-retention'
import { downloadRegionalSourcesCsv, useRegionalSources } from '../api/get-regional-sources'
import { downloadRegionalTimeInStageCsv, useRegionalTimeInStage } from '../api/get-regional-time-in-stage'
import { downloadRegionalWithdrawalsCsv, useRegionalWithdrawals } from '../api/get-regional-withdrawals'
import { DownloadCsvButton } from '../components/DownloadCsvButton'
import { OfstedYearForm } from '../components/OfstedYearForm'
import { PeriodForm } from '../components/PeriodForm'
import {
  RegionalFunnelFigures,
  RegionalOfstedFigures,
  RegionalRetentionFigures,
  RegionalSourcesFigures,
  RegionalTimeInStageFigures,
  RegionalWithdrawalsFigures,
} from '../components/RegionalReports'
import { ReportContents } from '../components/ReportContents'
import { ReportSection } from '../components/ReportSection'
import { useReportParams } from '../useReportParams'

/** A region's dashboard (regional viewers): the councils' aggregates side by side, small counts suppressed. */
export function RegionalReportsPage() {
  const { slug = '' } = useParams()
  const { today, choice, year, setChoice, setYear } = useReportParams()
  const [hasErrors, setHasErrors] = useState(false)
  usePageTitle('Regional reports', { error: hasErrors })

  const period = { from: choice.period.from, to: choice.period.to }
  const funnel = useRegionalFunnel(slug, period)
  const timeInStage = useRegionalTimeInStage(slug, period)
  const sources = useRegionalSources(slug, period)
  const withdrawals = useRegionalWithdrawals(slug, period)
  const retention = useRegionalRetention(slug, period)
  const ofsted = useRegionalOfstedReturn(slug, { year })
  const regionName = funnel.data?.total.name ?? retention.data?.total.name

  return (
    <>
      <span className="govuk-caption-l">{regionName ?? 'Your region'}</span>
      <h1 className="govuk-heading-xl">Regional reports</h1>
      <p className="govuk-body-l">
        Figures from {formatDate(choice.period.from)} to {formatDate(choice.period.to)} for each council and the region as a whole.
      </p>
      <div className="govuk-inset-text">
        These are totals only, never a person. So that nobody can be identified, any count from 1 to 4 is shown as “fewer than 5”,
        and shares, medians and averages made from such a count are withheld.
      </div>
      <PeriodForm
        key={`${choice.period.from}:${choice.period.to}`}
        value={choice}
        today={today}
        withSplit={false}
        onChange={setChoice}
        onErrors={setHasErrors}
      />
      <ReportContents />

      <ReportSection
        id="funnel"
        title="Recruitment funnel"
        description="Enquiries received in the period (repeats left out) and how far each got."
        query={funnel}
        download={<DownloadCsvButton report="regional recruitment funnel" download={() => downloadRegionalFunnelCsv(slug, period)} />}
      >
        {(report) => <RegionalFunnelFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="time-in-stage"
        title="Time in stage"
        description="Moves on to the next stage made in the period, and the share that took longer than each council’s own target."
        query={timeInStage}
        download={<DownloadCsvButton report="regional time in stage" download={() => downloadRegionalTimeInStageCsv(slug, period)} />}
      >
        {(report) => <RegionalTimeInStageFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="sources"
        title="Sources"
        description="Enquiries received in the period by channel, and how far they got."
        query={sources}
        download={<DownloadCsvButton report="regional sources" download={() => downloadRegionalSourcesCsv(slug, period)} />}
      >
        {(report) => <RegionalSourcesFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="withdrawals"
        title="Withdrawals"
        description="Withdrawals made in the period, by Ofsted’s reason codes."
        query={withdrawals}
        download={<DownloadCsvButton report="regional withdrawals" download={() => downloadRegionalWithdrawalsCsv(slug, period)} />}
      >
        {(report) => <RegionalWithdrawalsFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="retention"
        title="Retention"
        description="Foster carer households approved and deregistered in the period, and today’s households, places and vacancies."
        query={retention}
        download={<DownloadCsvButton report="regional retention" download={() => downloadRegionalRetentionCsv(slug, period)} />}
      >
        {(report) => <RegionalRetentionFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="ofsted-return"
        title="Ofsted return"
        description="The figures of Ofsted’s fostering data collection for a year from 1 April to 31 March. The period above does not apply."
        query={ofsted}
        controls={<OfstedYearForm key={year} year={year} today={today} onChange={setYear} />}
        download={<DownloadCsvButton report="regional Ofsted return" download={() => downloadRegionalOfstedReturnCsv(slug, { year })} />}
      >
        {(report) => <RegionalOfstedFigures report={report} />}
      </ReportSection>
    </>
  )
}
