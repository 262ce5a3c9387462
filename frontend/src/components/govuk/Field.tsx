/** The parts every GOV.UK form field shares: form group, label, hint and error message. */
import type { ReactNode } from 'react'

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

export function FormGroup({
  error,
  className,
  children,
}: {
  error?: string | undefined
  className?: string
  children: ReactNode
}) {
  const classes = ['govuk-form-group', error && 'govuk-form-group--error', className]
  return <div className={classes.filter(Boolean).join(' ')}>{children}</div>
}

export function Label({
  htmlFor,
  isPageHeading = false,
  size,
  children,
}: {
  htmlFor: string
  isPageHeading?: boolean
  size?: 'l' | 'm' | 's'
  children: ReactNode
}) {
  const className = ['govuk-label', size && `govuk-label--${size}`].filter(Boolean).join(' ')
  const label = (
    <label className={className} htmlFor={htmlFor}>
      {children}
    </label>
  )
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  )
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  )
}
