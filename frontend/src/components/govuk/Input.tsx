import type { InputHTMLAttributes, ReactNode } from 'react'
import { ErrorMessage, FormGroup, Hint, Label, describedBy } from './Field'

type Width = '2' | '3' | '4' | '5' | '10' | '20' | '30' | 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third'

interface InputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'onChange' | 'value'> {
  id: string
  label: ReactNode
  labelSize?: 'l' | 'm' | 's'
  isPageHeading?: boolean
  hint?: ReactNode
  error?: string | undefined
  width?: Width
  /** GOV.UK's prefix, such as £; hidden from screen readers, so say it in the label too. */
  prefix?: string
  value: string
  onChange: (value: string) => void
}

function widthClass(width?: Width): string | undefined {
  if (!width) return undefined
  return /^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`
}

/** A GOV.UK text input with its label, hint and error message. */
export function Input({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  width,
  prefix,
  type = 'text',
  value,
  onChange,
  ...rest
}: InputProps) {
  const className = ['govuk-input', error && 'govuk-input--error', widthClass(width)]
  const input = (
    <input
      className={className.filter(Boolean).join(' ')}
      id={id}
      name={name ?? id}
      type={type}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy(id, hint, error)}
      {...rest}
    />
  )
  return (
    <FormGroup error={error}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  )
}
