import { useParams } from 'react-router'
import { ButtonLink } from '../../../components/govuk/Button'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { BackLink } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useCouncil } from '../api/get-council'

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** How to enquire: the online enquiry (the journey at `/enquire`), or the team's phone and email. */
export function EnquirePage() {
  const { slug } = useParams()
  const council = useCouncil(slug)
  usePageTitle('Enquire about fostering')
  if (!council.data) return null
  const { data } = council
  const hours = data.office_hours
  // OfficeHours is also a request shape, where its fields have defaults: the answer always has them.
  const days = (hours.weekdays ?? []).map((day) => DAYS[day]).filter(Boolean)
  return (
    <>
      <BackLink to={`/councils/${data.slug}`}>Back to fostering</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-xl">{data.name}</span>
          <h1 className="govuk-heading-xl">Enquire about fostering</h1>
          <p className="govuk-body">Get in touch with our fostering team. There is no obligation and no question is too small.</p>
          <ButtonLink to={`/enquire?council=${data.slug}`} start>
            Ask about fostering online
          </ButtonLink>
          <h2 className="govuk-heading-m">Phone or email us</h2>
          <SummaryList
            rows={[
              ...(data.contact_phone
                ? [{ key: 'Phone', value: <a className="govuk-link" href={`tel:${data.contact_phone.replace(/\s/g, '')}`}>{data.contact_phone}</a> }]
                : []),
              ...(data.contact_email
                ? [{ key: 'Email', value: <a className="govuk-link" href={`mailto:${data.contact_email}`}>{data.contact_email}</a> }]
                : []),
              { key: 'Opening times', value: `${days.join(', ')}, ${hours.opens} to ${hours.closes}` },
            ]}
          />
        </div>
      </div>
    </>
  )
}
