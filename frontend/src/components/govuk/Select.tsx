import type { ReactNode } from 'react'
import { ErrorMessage, FormGroup, Hint, Label, describedBy } from './Field'

interface SelectProps<V extends string> {
  id: string
  name?: string
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
  options: readonly { value: V | ''; text: string }[]
  value: V | ''
  onChange: (value: V | '') => void
}

export function Select<V extends string>({ id, name, label, hint, error, options, value, onChange }: SelectProps<V>) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={name ?? id}
        value={value}
        onChange={(event) => onChange(event.target.value as V | '')}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  )
}
