import { useState } from 'react'
import { Button } from '../../../components/govuk/Button'
import { saveFile, type CsvFile } from '../api/csv'

/** "Download CSV" for one report: fetched with the session's token, then saved as a file. */
export function DownloadCsvButton({ report, download }: { report: string; download: () => Promise<CsvFile> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')
  const click = async () => {
    if (state === 'busy') return
    setState('busy')
    try {
      saveFile(await download())
      setState('idle')
    } catch {
      setState('failed')
    }
  }
  return (
    <div className="fh-report-download">
      <Button type="button" variant="secondary" onClick={() => void click()} aria-disabled={state === 'busy' || undefined}>
        Download CSV<span className="govuk-visually-hidden"> of the {report}</span>
      </Button>
      <p className="govuk-body-s" role="status">
        {state === 'busy' ? 'Preparing the file…' : state === 'failed' ? `Sorry, the ${report} could not be downloaded. Try again.` : ''}
      </p>
    </div>
  )
}
