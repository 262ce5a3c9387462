import { useParams } from 'react-router'
import { ButtonLink } from '../../../components/govuk/Button'
import { InsetText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useCouncil } from '../api/get-council'
import { EventsToCome } from '../components/EventsToCome'
import { FosteringTypes } from '../components/FosteringTypes'

/** A council's fostering page: what it recruits for, how to enquire, events to come. */
export function CouncilHomePage() {
  const { slug } = useParams()
  const council = useCouncil(slug)
  usePageTitle('Fostering')
  if (!council.data) return null // the layout shows loading and not-found
  const { data } = council
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-xl">{data.name}</span>
        <h1 className="govuk-heading-xl">Fostering</h1>
        <p className="govuk-body-l">
          Could you give a local child a safe, loving home? You do not need to own your home, be married or have
          children of your own.
        </p>
        <ButtonLink to={`/councils/${data.slug}/enquire`} start>
          Enquire about fostering
        </ButtonLink>

        <h2 className="govuk-heading-m">Ways to foster</h2>
        <FosteringTypes types={data.fostering_types} />

        <h2 className="govuk-heading-m">What happens next</h2>
        <ol className="govuk-list govuk-list--number">
          <li>You enquire and we call you for an informal chat.</li>
          <li>We visit you at home to talk about fostering.</li>
          <li>You apply, go through checks and join Skills to Foster training.</li>
          <li>An assessment with a social worker, then a fostering panel.</li>
        </ol>
        <InsetText>Most people are approved within 6 to 8 months of applying.</InsetText>

        <EventsToCome council={data} />
      </div>
    </div>
  )
}
