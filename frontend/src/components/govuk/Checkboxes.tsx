import { Checkboxes as GovukCheckboxes } from 'govuk-frontend'
import { Fragment, type ReactNode } from 'react'
import { ErrorMessage, FormGroup, Hint, describedBy } from './Field'
import { Fieldset } from './Fieldset'
import type { Choice } from './Radios'
import { itemId } from './Radios'
import { useGovukFrontend } from './useGovukFrontend'

interface CheckboxesProps<V extends string> {
  id: string
  name?: string
  legend: ReactNode
  legendSize?: 'xl' | 'l' | 'm' | 's'
  isPageHeading?: boolean
  hint?: ReactNode
  error?: string | undefined
  small?: boolean
  choices: readonly Choice<V>[]
  values: readonly V[]
  onChange: (values: V[]) => void
}

/** GOV.UK checkboxes; like Radios, conditional reveals are React's. */
export function Checkboxes<V extends string>({
  id,
  name,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  small = false,
  choices,
  values,
  onChange,
}: CheckboxesProps<V>) {
  const scope = useGovukFrontend<HTMLDivElement>([GovukCheckboxes])
  const toggle = (value: V, checked: boolean) => {
    const next = values.filter((v) => v !== value)
    onChange(checked ? [...next, value] : next)
  }
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(id, hint, error)}>
        {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        <div className="fh-scope" ref={scope}>
          <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`} data-module="govuk-checkboxes">
            {choices.map((choice, index) => {
              const inputId = itemId(id, index)
              const checked = values.includes(choice.value)
              const conditionalId = `conditional-${inputId}`
              return (
                <Fragment key={choice.value}>
                  <div className="govuk-checkboxes__item">
                    <input
                      className="govuk-checkboxes__input"
                      id={inputId}
                      name={name ?? id}
                      type="checkbox"
                      value={choice.value}
                      checked={checked}
                      onChange={(event) => toggle(choice.value, event.target.checked)}
                      aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                      {choice.label}
                    </label>
                    {choice.hint && (
                      <div id={`${inputId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                        {choice.hint}
                      </div>
                    )}
                  </div>
                  {choice.conditional && (
                    <div
                      className={`govuk-checkboxes__conditional${checked ? '' : ' govuk-checkboxes__conditional--hidden'}`}
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
