import type { ReactNode, TextareaHTMLAttributes } from 'react'
import { ErrorMessage, FormGroup, Hint, Label, describedBy } from './Field'

interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | 'onChange' | 'value'> {
  id: string
  label: ReactNode
  labelSize?: 'l' | 'm' | 's'
  hint?: ReactNode
  error?: string | undefined
  value: string
  onChange: (value: string) => void
}

/** A GOV.UK textarea with its label, hint and error message. */
export function Textarea({ id, name, label, labelSize, hint, error, rows = 4, value, onChange, ...rest }: TextareaProps) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id} size={labelSize}>
        {label}
      </Label>
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name ?? id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FormGroup>
  )
}
