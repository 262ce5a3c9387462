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
import { isRegionalSplitBy, REGIONAL_SPLITS } from '../labels'
import { useReportParams } from '../useReportParams'

/** A region's dashboard (regional viewers): the councils' aggregates side by side, small counts hidden. */
export function RegionalReportsPage() {
  const { slug = '' } = useParams()
  const { today, choice, year, setChoice, setYear } = useReportParams(REGIONAL_SPLITS)
  const [hasErrors, setHasErrors] = useState(false)
  usePageTitle('Regional reports', { error: hasErrors })

  const period = { from: choice.period.from, to: choice.period.to }
  // The same query for the figures and the CSV file, its split included.
  const funnelQuery = { ...period, ...(isRegionalSplitBy(choice.by) ? { by: choice.by } : {}) }
  const funnel = useRegionalFunnel(slug, funnelQuery)
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
      <HiddenFiguresExplained />
      <PeriodForm
        key={`${choice.period.from}:${choice.period.to}:${choice.by}`}
        value={choice}
        today={today}
        splits={REGIONAL_SPLITS}
        onChange={setChoice}
        onErrors={setHasErrors}
      />
      <ReportContents />

      <ReportSection
        id="funnel"
        title="Recruitment funnel"
        description="Enquiries received in the period (repeats left out), how far each got and the conversion between stages, optionally split by channel or by whether they were referred."
        query={funnel}
        download={<DownloadCsvButton report="regional recruitment funnel" download={() => downloadRegionalFunnelCsv(slug, funnelQuery)} />}
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

/** What the hidden figures' words mean, once, at the top of the page. */
function HiddenFiguresExplained() {
  return (
    <div className="govuk-inset-text" id="hidden-figures">
      <p className="govuk-body">
        These are totals only, never a person. So that nobody can be identified, some figures are hidden and words shown instead:
      </p>
      <dl className="govuk-list fh-report-words">
        <div>
          <dt>“fewer than 5”</dt>
          <dd>a count from 1 to 4 (none at all is shown as 0)</dd>
        </div>
        <div>
          <dt>“withheld”</dt>
          <dd>
            a figure hidden because, put together with the figures beside it, it would let someone work out a count shown as “fewer
            than 5”, for example by taking the other councils’ figures away from the region’s total
          </dd>
        </div>
        <div>
          <dt>“not shown”</dt>
          <dd>a share, median, average or change worked out from a hidden figure</dd>
        </div>
      </dl>
    </div>
  )
}
