import { Link } from 'react-router'
import { usePageTitle } from '../../../lib/page'

/** Training in the staff workspace: who is behind, carers' records, the course catalogue. */
export function TrainingHomePage() {
  usePageTitle('Training')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Training</h1>
        <ul className="govuk-list govuk-list--spaced">
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" to="tsd">
              Carers behind on the TSD standards
            </Link>
            <span className="govuk-body govuk-!-display-block">
              Approved carers who have not finished the Training, Support and Development Standards, or whose deadline is near.
            </span>
          </li>
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" to="carers">
              Carers’ training records
            </Link>
            <span className="govuk-body govuk-!-display-block">Find a household to see its courses and expiries, and record a completed course.</span>
          </li>
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" to="courses">
              Courses
            </Link>
            <span className="govuk-body govuk-!-display-block">The courses your council runs and how long each stays valid.</span>
          </li>
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" to="/staff/events/new">
              Create a training session
            </Link>
            <span className="govuk-body govuk-!-display-block">An event of kind “Training session” for carers or applicants, who book it in the portal.</span>
          </li>
        </ul>
      </div>
    </div>
  )
}
