import { PasswordInput as GovukPasswordInput } from 'govuk-frontend'
import type { ReactNode } from 'react'
import { ErrorMessage, Hint, Label, describedBy } from './Field'
import { useGovukFrontend } from './useGovukFrontend'

interface PasswordInputProps {
  id: string
  name?: string
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
  autoComplete: 'current-password' | 'new-password'
  value: string
  onChange: (value: string) => void
}

/** GOV.UK's password input: a "Show" button appears once its JavaScript runs. */
export function PasswordInput({ id, name, label, hint, error, autoComplete, value, onChange }: PasswordInputProps) {
  const scope = useGovukFrontend<HTMLDivElement>([GovukPasswordInput])
  const groupClass = ['govuk-form-group', 'govuk-password-input', error && 'govuk-form-group--error']
  const inputClass = [
    'govuk-input',
    'govuk-password-input__input',
    'govuk-js-password-input-input',
    error && 'govuk-input--error',
  ]
  return (
    <div className="fh-scope" ref={scope}>
      <div className={groupClass.filter(Boolean).join(' ')} data-module="govuk-password-input">
        <Label htmlFor={id}>{label}</Label>
        {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        <div className="govuk-input__wrapper govuk-password-input__wrapper">
          <input
            className={inputClass.filter(Boolean).join(' ')}
            id={id}
            name={name ?? id}
            type="password"
            spellCheck={false}
            autoComplete={autoComplete}
            autoCapitalize="none"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-describedby={describedBy(id, hint, error)}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
            data-module="govuk-button"
            aria-controls={id}
            aria-label="Show password"
            hidden
          >
            Show
          </button>
        </div>
      </div>
    </div>
  )
}
