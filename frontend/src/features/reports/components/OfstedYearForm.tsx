import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/govuk/Button'
import { Select } from '../../../components/govuk/Select'
import { ofstedYearLabel, ofstedYears } from '../period'

/** Which collection year the Ofsted return shows: 1 April to 31 March. */
export function OfstedYearForm({ year, today, onChange }: { year: number; today: string; onChange: (year: number) => void }) {
  const [choice, setChoice] = useState(String(year))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onChange(Number(choice))
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Ofsted return year" className="fh-report-filters">
      <Select
        id="year"
        label="Collection year"
        value={choice}
        onChange={(value) => setChoice(value)}
        options={ofstedYears(today).map((y) => ({ value: String(y), text: ofstedYearLabel(y) }))}
      />
      <Button variant="secondary">Show this year</Button>
    </form>
  )
}
