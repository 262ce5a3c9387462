import { Link } from 'react-router'
import { ButtonLink } from '../../../components/govuk/Button'
import { Table } from '../../../components/govuk/Table'
import { Tag } from '../../../components/govuk/Tag'
import { BackLink } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useCourses } from '../api/list-courses'
import { validityText } from '../vocabulary'

/** The council's training courses: which count for TSD, how long each stays valid. */
export function CoursesPage() {
  const courses = useCourses()
  usePageTitle('Courses')
  return (
    <>
      <BackLink to="..">Training</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Courses</h1>
        </div>
        <div className="govuk-grid-column-one-third">
          <ButtonLink to="new">Add a course</ButtonLink>
        </div>
      </div>
      {courses.isPending && (
        <p className="govuk-body" role="status">
          Loading courses…
        </p>
      )}
      {courses.isError && <p className="govuk-body">Sorry, courses cannot be shown right now. Try again later.</p>}
      {courses.data && courses.data.items.length === 0 && <p className="govuk-body">No courses yet.</p>}
      {courses.data && courses.data.items.length > 0 && (
        <Table
          caption="Your council’s courses"
          captionHidden
          rows={courses.data.items}
          rowKey={(c) => c.id}
          firstCellIsHeader
          columns={[
            { header: 'Course', cell: (c) => c.name },
            { header: 'TSD standards', cell: (c) => (c.is_tsd ? 'Yes' : 'No') },
            { header: 'Valid for', cell: (c) => validityText(c.valid_for_months) },
            { header: 'Status', cell: (c) => (c.is_active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Retired</Tag>) },
            {
              header: <span className="govuk-visually-hidden">Actions</span>,
              cell: (c) => (
                <Link className="govuk-link" to={`${c.id}/edit`}>
                  Change<span className="govuk-visually-hidden"> {c.name}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  )
}
