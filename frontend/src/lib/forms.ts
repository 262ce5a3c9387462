/** Form errors: one map from field id to message, fed by the screen's checks and the API's. */
import { useState } from 'react'
import type { SummaryError } from '../components/govuk/ErrorSummary'
import { ApiError } from '../api/problems'

export type FormErrors<F extends string> = { [K in F | 'form']?: string }

export function summaryOf<F extends string>(errors: FormErrors<F>, order: readonly F[]): SummaryError[] {
  const items: SummaryError[] = []
  if (errors.form) items.push({ text: errors.form })
  for (const field of order) {
    const message = errors[field]
    if (message) items.push({ href: field, text: message })
  }
  return items
}

/**
 * Turns an API error into form errors. `fields` maps the API's field names (`new_password`,
 * `roles.0`) to this form's field ids; a field error on an unmapped field and a problem without
 * field errors become a form-level message.
 */
export function errorsFromApi<F extends string>(error: unknown, fields: Partial<Record<string, F>>): FormErrors<F> {
  if (!(error instanceof ApiError)) return { form: 'Sorry, there is a problem with the service. Try again later.' }
  const errors: FormErrors<F> = {}
  for (const fieldError of error.fieldErrors) {
    const key = fields[fieldError.field] ?? fields[fieldError.field.split('.')[0] ?? '']
    if (key && !errors[key]) errors[key] = fieldError.message
    else if (!key) errors.form = fieldError.message
  }
  if (!error.fieldErrors.length) {
    errors.form =
      error.status >= 500
        ? 'Sorry, there is a problem with the service. Try again later.'
        : (error.problem?.detail ?? error.problem?.title ?? error.message)
  }
  return errors
}

/** Errors plus a counter that changes on every failed submit, to key the error summary. */
export function useFormErrors<F extends string>() {
  const [errors, setErrorsState] = useState<FormErrors<F>>({})
  const [attempt, setAttempt] = useState(0)
  const setErrors = (next: FormErrors<F>) => {
    setErrorsState(next)
    if (Object.values(next).some(Boolean)) setAttempt((n) => n + 1)
  }
  const hasErrors = Object.values(errors).some(Boolean)
  return { errors, setErrors, attempt, hasErrors }
}
