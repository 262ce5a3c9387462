import type { ReactNode } from 'react'

interface FieldsetProps {
  legend: ReactNode
  legendSize?: 'xl' | 'l' | 'm' | 's'
  isPageHeading?: boolean
  describedBy?: string | undefined
  role?: 'group'
  children: ReactNode
}

export function Fieldset({ legend, legendSize, isPageHeading = false, describedBy, role, children }: FieldsetProps) {
  const legendClass = ['govuk-fieldset__legend', legendSize && `govuk-fieldset__legend--${legendSize}`]
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy} role={role}>
      <legend className={legendClass.filter(Boolean).join(' ')}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  )
}
