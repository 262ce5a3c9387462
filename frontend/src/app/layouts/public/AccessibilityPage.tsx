import { usePageTitle } from '../../../lib/page'

export function AccessibilityPage() {
  usePageTitle('Accessibility statement')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement</h1>
        <p className="govuk-body">
          Foster Hub is built so that as many people as possible can use it. You should be able to zoom in up to 400%
          without text spilling off the screen, get around using just a keyboard, and use it with a screen reader.
        </p>
        <h2 className="govuk-heading-m">How we test it</h2>
        <p className="govuk-body">
          Every page is checked in a real browser against the Web Content Accessibility Guidelines version 2.2 AA
          standard with automated tests, and every control is checked to be reachable with the keyboard alone.
        </p>
        <h2 className="govuk-heading-m">Reporting a problem</h2>
        <p className="govuk-body">
          If you find a problem with this service, contact your council’s fostering team. They will pass it to the people
          who look after the service.
        </p>
      </div>
    </div>
  )
}
