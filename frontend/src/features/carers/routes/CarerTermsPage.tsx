import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { Schemas } from '../../../api/client'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { BackLink } from '../../../components/govuk/Typography'
import { FOSTERING_TYPES, type FosteringType } from '../../../lib/format'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCarer } from '../api/get-carer'
import { useUpdateCarer } from '../api/update-carer'
import type { CarerPageState } from './CarerPage'

type Field = 'fostering-types' | 'age-min' | 'age-max' | 'places' | 'champion'
const FIELDS: readonly Field[] = ['fostering-types', 'age-min', 'age-max', 'places', 'champion']
const TYPES = (Object.keys(FOSTERING_TYPES) as FosteringType[]).filter((t) => t !== 'unsure')

function whole(value: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(value.trim())) return null
  const n = Number(value)
  return n >= min && n <= max ? n : null
}

/** Changes the terms of approval: fostering types, ages, places; and whether they are a champion. */
export function CarerTermsPage({ notFound }: { notFound: ReactNode }) {
  const { householdId = '' } = useParams()
  const carer = useCarer(householdId)
  // Above the form, so a 412 is still shown once the form starts again from the latest version.
  const update = useUpdateCarer(householdId)
  usePageTitle(carer.data ? `Change the approval terms of ${carer.data.household.name}` : 'Change approval terms')
  if (isApiError(carer.error, 404)) return <>{notFound}</>
  if (!carer.data) return <p className="govuk-body" role="status">{carer.isError ? 'Sorry, this household cannot be shown right now.' : 'Loading…'}</p>
  return <TermsForm key={carer.data.etag ?? ''} household={carer.data.household} etag={carer.data.etag} update={update} />
}

function TermsForm({ household, etag, update }: { household: Schemas['HouseholdOut']; etag: string | null; update: ReturnType<typeof useUpdateCarer> }) {
  const navigate = useNavigate()
  const [types, setTypes] = useState<FosteringType[]>(household.fostering_types.filter((t): t is FosteringType => (TYPES as string[]).includes(t)))
  const [ageMin, setAgeMin] = useState(String(household.age_min))
  const [ageMax, setAgeMax] = useState(String(household.age_max))
  const [places, setPlaces] = useState(String(household.places))
  const [champion, setChampion] = useState<'yes'[]>(household.is_champion ? ['yes'] : [])
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(`Change the approval terms of ${household.name}`, { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    const min = whole(ageMin, 0, 17)
    const max = whole(ageMax, 0, 25)
    const placesCount = whole(places, 1, 10)
    if (!types.length) found['fostering-types'] = 'Select the kinds of fostering they are approved for'
    if (min === null) found['age-min'] = 'Youngest age must be a number from 0 to 17'
    if (max === null) found['age-max'] = 'Oldest age must be a number from 0 to 25'
    else if (min !== null && max < min) found['age-max'] = 'Oldest age must be the same as or more than the youngest'
    if (placesCount === null) found.places = 'Places must be a number from 1 to 10'
    setErrors(found)
    if (Object.keys(found).length || min === null || max === null || placesCount === null) return
    update.mutate(
      { etag, patch: { fostering_types: types, age_min: min, age_max: max, places: placesCount, is_champion: champion.includes('yes') } },
      {
        onSuccess: () => {
          const state: CarerPageState = { notice: 'terms' }
          navigate(`/staff/carers/${household.id}`, { state })
        },
        onError: (error) => {
          if (!isApiError(error, 412))
            setErrors(errorsFromApi(error, { fostering_types: 'fostering-types', age_min: 'age-min', age_max: 'age-max', places: 'places', is_champion: 'champion' }))
        },
      },
    )
  }

  return (
    <>
      <BackLink to={`/staff/carers/${household.id}`}>Back to the household</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          {isApiError(update.error, 412) && (
            <NotificationBanner title="There is a problem" heading="Someone changed this household while you were looking at it">
              <p className="govuk-body">Here is the latest version. Check it and make your change again.</p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">{household.name}</span>
          <h1 className="govuk-heading-xl">Change approval terms</h1>
          <form onSubmit={submit} noValidate>
            <Checkboxes<FosteringType>
              id="fostering-types"
              legend="Approved for"
              legendSize="m"
              small
              error={errors['fostering-types']}
              choices={TYPES.map((t) => ({ value: t, label: FOSTERING_TYPES[t].name }))}
              values={types}
              onChange={setTypes}
            />
            <Input id="age-min" label="Youngest age of child" inputMode="numeric" width="2" error={errors['age-min']} value={ageMin} onChange={setAgeMin} />
            <Input id="age-max" label="Oldest age of child" inputMode="numeric" width="2" error={errors['age-max']} value={ageMax} onChange={setAgeMax} />
            <Input id="places" label="Number of places" inputMode="numeric" width="2" error={errors.places} value={places} onChange={setPlaces} />
            <Checkboxes<'yes'>
              id="champion"
              legend="Champion"
              legendSize="m"
              small
              choices={[{ value: 'yes', label: 'This household is a champion', hint: 'Experienced carers who mentor new applicants' }]}
              values={champion}
              onChange={setChampion}
            />
            <ButtonGroup>
              <Button disabled={update.isPending}>Save</Button>
              <Link className="govuk-link" to={`/staff/carers/${household.id}`}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
