import type { Schemas } from '../../../api/client'

/**
 * Information evenings and drop-ins to come. The events API (`GET /events?council=`) is not
 * in the API document yet; until it is, this says how to ask about the next one.
 */
export function EventsToCome({ council }: { council: Schemas['CouncilDetail'] }) {
  return (
    <section aria-labelledby="events-heading">
      <h2 className="govuk-heading-m" id="events-heading">
        Events to come
      </h2>
      <p className="govuk-body">
        We hold information evenings and drop-ins where you can meet our foster carers and ask anything.
        No dates are published here yet.
      </p>
      {council.contact_email && (
        <p className="govuk-body">
          To hear about the next one, email{' '}
          <a className="govuk-link" href={`mailto:${council.contact_email}`}>
            {council.contact_email}
          </a>
          .
        </p>
      )}
    </section>
  )
}
