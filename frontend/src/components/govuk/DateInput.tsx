import type { ReactNode } from 'react'
import { ErrorMessage, FormGroup, Hint, describedBy } from './Field'
import { Fieldset } from './Fieldset'

export interface DateParts {
  day: string
  month: string
  year: string
}

interface DateInputProps {
  id: string
  legend: ReactNode
  legendSize?: 'xl' | 'l' | 'm' | 's'
  hint?: ReactNode
  error?: string | undefined
  /** Which parts are wrong, to highlight only those; all of them when absent. */
  errorParts?: readonly (keyof DateParts)[]
  value: DateParts
  onChange: (value: DateParts) => void
}

const PARTS: readonly { key: keyof DateParts; label: string; width: '2' | '4' }[] = [
  { key: 'day', label: 'Day', width: '2' },
  { key: 'month', label: 'Month', width: '2' },
  { key: 'year', label: 'Year', width: '4' },
]

/** GOV.UK's date input. `toIsoDate` turns its parts into `YYYY-MM-DD`, or null when invalid. */
export function DateInput({ id, legend, legendSize, hint, error, errorParts, value, onChange }: DateInputProps) {
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendSize={legendSize} role="group" describedBy={describedBy(id, hint, error)}>
        {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        {/* No id here: the day field has it, so its label (and the error summary link) reach it. */}
        <div className="govuk-date-input">
          {PARTS.map((part) => {
            const partId = part.key === 'day' ? id : `${id}-${part.key}`
            const hasError = Boolean(error) && (!errorParts || errorParts.includes(part.key))
            const classes = [
              'govuk-input',
              'govuk-date-input__input',
              `govuk-input--width-${part.width}`,
              hasError && 'govuk-input--error',
            ]
            return (
              <div key={part.key} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                    {part.label}
                  </label>
                  <input
                    className={classes.filter(Boolean).join(' ')}
                    id={partId}
                    name={`${id}-${part.key}`}
                    type="text"
                    inputMode="numeric"
                    value={value[part.key]}
                    onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                  />
                </div>
              </div>
            )
          })}
        </div>
      </Fieldset>
    </FormGroup>
  )
}

export function toIsoDate({ day, month, year }: DateParts): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) {
    return null
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
