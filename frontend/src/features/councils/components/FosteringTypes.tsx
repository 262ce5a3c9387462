import { FOSTERING_TYPES, type FosteringType } from '../../../lib/format'

export function FosteringTypes({ types }: { types: readonly FosteringType[] }) {
  return (
    <dl className="govuk-summary-list">
      {types.map((type) => (
        <div key={type} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{FOSTERING_TYPES[type].name}</dt>
          <dd className="govuk-summary-list__value">{FOSTERING_TYPES[type].description}</dd>
        </div>
      ))}
    </dl>
  )
}
