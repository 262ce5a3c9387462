import { Radios as GovukRadios } from 'govuk-frontend'
import { Fragment, type ReactNode } from 'react'
import { ErrorMessage, FormGroup, Hint, describedBy } from './Field'
import { Fieldset } from './Fieldset'
import { useGovukFrontend } from './useGovukFrontend'

export interface Choice<V extends string> {
  value: V
  label: ReactNode
  hint?: ReactNode
  /** Shown under the choice while it is selected (GOV.UK's conditional reveal). */
  conditional?: ReactNode
}

interface RadiosProps<V extends string> {
  id: string
  name?: string
  legend: ReactNode
  legendSize?: 'xl' | 'l' | 'm' | 's'
  isPageHeading?: boolean
  hint?: ReactNode
  error?: string | undefined
  inline?: boolean
  small?: boolean
  choices: readonly Choice<V>[]
  value: V | ''
  onChange: (value: V) => void
}

/** Radio ids follow GOV.UK: the first is `id` (so error links land on it), then `id-2`, ... */
export function itemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`
}

/**
 * GOV.UK radios. Conditional reveals are rendered by React from the selected value. The inputs
 * carry no `aria-controls`: with it, the library's script would toggle the same class React
 * sets, and add `aria-expanded`, which ARIA does not allow on a radio or checkbox (axe's
 * aria-allowed-attr). The revealed content follows its input in reading order.
 */
export function Radios<V extends string>({
  id,
  name,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  inline = false,
  small = false,
  choices,
  value,
  onChange,
}: RadiosProps<V>) {
  const scope = useGovukFrontend<HTMLDivElement>([GovukRadios])
  const classes = ['govuk-radios', inline && 'govuk-radios--inline', small && 'govuk-radios--small']
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(id, hint, error)}>
        {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        <div className="fh-scope" ref={scope}>
          <div className={classes.filter(Boolean).join(' ')} data-module="govuk-radios">
            {choices.map((choice, index) => {
              const inputId = itemId(id, index)
              const checked = value === choice.value
              const conditionalId = `conditional-${inputId}`
              return (
                <Fragment key={choice.value}>
                  <div className="govuk-radios__item">
                    <input
                      className="govuk-radios__input"
                      id={inputId}
                      name={name ?? id}
                      type="radio"
                      value={choice.value}
                      checked={checked}
                      onChange={() => onChange(choice.value)}
                      aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                      {choice.label}
                    </label>
                    {choice.hint && (
                      <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
                        {choice.hint}
                      </div>
                    )}
                  </div>
                  {choice.conditional && (
                    <div
                      className={`govuk-radios__conditional${checked ? '' : ' govuk-radios__conditional--hidden'}`}
                      id={conditionalId}
                    >
                      {choice.conditional}
                    </div>
                  )}
                </Fragment>
              )
            })}
          </div>
        </div>
      </Fieldset>
    </FormGroup>
  )
}
