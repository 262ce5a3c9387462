import { isApiError } from '../../../api/problems'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { formatDate, fosteringTypeName } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useMyHousehold } from '../api/get-my-household'
import { HouseholdStatusTag } from '../components/HouseholdStatusTag'

/** A carer's own household: who is in it and the terms of their approval. */
export function MyHouseholdPage() {
  const household = useMyHousehold()
  usePageTitle('My household')
  const h = household.data
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">My household</h1>
        {household.isPending && (
          <p className="govuk-body" role="status">
            Loading your household…
          </p>
        )}
        {isApiError(household.error, 404) && <p className="govuk-body">Your account is not linked to a carer household yet. Ask your supervising social worker.</p>}
        {household.isError && !isApiError(household.error, 404) && <p className="govuk-body">Sorry, your household cannot be shown right now. Try again later.</p>}
        {h && (
          <>
            <p className="govuk-body-l">{h.name}</p>
            <SummaryList
              rows={[
                {
                  key: h.adults.length === 1 ? 'Adult' : 'Adults',
                  value: (
                    <ul className="govuk-list">
                      {h.adults.map((a, i) => (
                        <li key={i}>
                          {a.first_name} {a.last_name}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { key: 'Status', value: <HouseholdStatusTag status={h.status} /> },
                { key: 'Approved on', value: formatDate(h.approved_on) },
                { key: 'Approved for', value: h.fostering_types.map(fosteringTypeName).join(', ') },
                { key: 'Ages of children', value: `${h.age_min} to ${h.age_max}` },
                { key: 'Places', value: String(h.places) },
                { key: 'Champion', value: h.is_champion ? 'Yes: you mentor new applicants' : 'No' },
              ]}
            />
            <p className="govuk-body">If something here is wrong, tell your supervising social worker.</p>
          </>
        )}
      </div>
    </div>
  )
}
