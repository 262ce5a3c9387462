import { useState } from 'react'
import { useCouncil } from '../../councils/api/get-council'
import { useMe } from '../../../lib/auth/AuthProvider'
import { formatDate } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { downloadFunnelCsv, useFunnel } from '../api/get-funnel'
import { downloadOfstedReturnCsv, useOfstedReturn } from '../api/get-ofsted-return'
import { downloadRetentionCsv, useRetention } from '../api/get-retention'
import { downloadSourcesCsv, useSources } from '../api/get-sources'
import { downloadTimeInStageCsv, useTimeInStage } from '../api/get-time-in-stage'
import { downloadWithdrawalsCsv, useWithdrawals } from '../api/get-withdrawals'
import {
  FunnelFigures,
  OfstedFigures,
  RetentionFigures,
  SourcesFigures,
  TimeInStageFigures,
  WithdrawalsFigures,
} from '../components/CouncilReports'
import { DownloadCsvButton } from '../components/DownloadCsvButton'
import { OfstedYearForm } from '../components/OfstedYearForm'
import { PeriodForm } from '../components/PeriodForm'
import { ReportContents } from '../components/ReportContents'
import { ReportSection } from '../components/ReportSection'
import { COUNCIL_SPLITS } from '../labels'
import { useReportParams } from '../useReportParams'

/** A council's dashboard (managers and administrators): every report for one period. */
export function CouncilReportsPage() {
  const me = useMe()
  const council = useCouncil(me.council)
  const { today, choice, year, setChoice, setYear } = useReportParams()
  const [hasErrors, setHasErrors] = useState(false)
  usePageTitle('Reports', { error: hasErrors })

  const period = { from: choice.period.from, to: choice.period.to }
  const funnelQuery = { ...period, ...(choice.by ? { by: choice.by } : {}) }
  const funnel = useFunnel(funnelQuery)
  const timeInStage = useTimeInStage(period)
  const sources = useSources(period)
  const withdrawals = useWithdrawals(period)
  const retention = useRetention(period)
  const ofsted = useOfstedReturn({ year })

  return (
    <>
      <span className="govuk-caption-l">{council.data?.name ?? 'Your council'}</span>
      <h1 className="govuk-heading-xl">Reports</h1>
      <p className="govuk-body-l">
        Figures from {formatDate(choice.period.from)} to {formatDate(choice.period.to)}, worked out from the recorded history.
      </p>
      <PeriodForm
        key={`${choice.period.from}:${choice.period.to}:${choice.by}`}
        value={choice}
        today={today}
        splits={COUNCIL_SPLITS}
        onChange={setChoice}
        onErrors={setHasErrors}
      />
      <ReportContents />

      <ReportSection
        id="funnel"
        title="Recruitment funnel"
        description="Enquiries received in the period (repeats left out), how far each got and the conversion between stages (from each stage to the next, and between every pair); and every move into a stage made in the period."
        query={funnel}
        download={<DownloadCsvButton report="recruitment funnel" download={() => downloadFunnelCsv(funnelQuery)} />}
      >
        {(report) => <FunnelFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="time-in-stage"
        title="Time in stage"
        description="Moves on to the next stage made in the period: how long they took (in working days where the target is in working days) against your council’s targets."
        query={timeInStage}
        download={<DownloadCsvButton report="time in stage" download={() => downloadTimeInStageCsv(period)} />}
      >
        {(report) => <TimeInStageFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="sources"
        title="Sources"
        description="Enquiries received in the period by channel and campaign code, how far they got, and what each cost where the cost is known."
        query={sources}
        download={<DownloadCsvButton report="sources" download={() => downloadSourcesCsv(period)} />}
      >
        {(report) => <SourcesFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="withdrawals"
        title="Withdrawals"
        description="Withdrawals made in the period, by Ofsted’s reason codes (AW1 to AW5, and AW0 for other or unknown) and the stage they left at."
        query={withdrawals}
        download={<DownloadCsvButton report="withdrawals" download={() => downloadWithdrawalsCsv(period)} />}
      >
        {(report) => <WithdrawalsFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="retention"
        title="Retention"
        description="Foster carer households approved and deregistered in the period, and the households, places and vacancies you have."
        query={retention}
        download={<DownloadCsvButton report="retention" download={() => downloadRetentionCsv(period)} />}
      >
        {(report) => <RetentionFigures report={report} />}
      </ReportSection>

      <ReportSection
        id="ofsted-return"
        title="Ofsted return"
        description="The figures of Ofsted’s fostering data collection for a year from 1 April to 31 March. The period above does not apply."
        query={ofsted}
        controls={<OfstedYearForm key={year} year={year} today={today} onChange={setYear} />}
        download={<DownloadCsvButton report="Ofsted return" download={() => downloadOfstedReturnCsv({ year })} />}
      >
        {(report) => <OfstedFigures report={report} />}
      </ReportSection>
    </>
  )
}
