import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { Radios } from '../../../components/govuk/Radios'
import { Textarea } from '../../../components/govuk/Textarea'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCreateCourse } from '../api/create-course'

type Field = 'name' | 'is-tsd' | 'valid-for' | 'description'
const FIELDS: readonly Field[] = ['name', 'is-tsd', 'valid-for', 'description']

/** Adds a course: its name, whether it is part of the TSD standards, how long it stays valid. */
export function NewCoursePage() {
  const create = useCreateCourse()
  const navigate = useNavigate()
  const [name, setName] = useState('')
  const [isTsd, setIsTsd] = useState<'yes' | 'no' | ''>('')
  const [validFor, setValidFor] = useState('')
  const [description, setDescription] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle('Add a course', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!name.trim()) found.name = 'Enter the course’s name'
    if (!isTsd) found['is-tsd'] = 'Select whether the course is part of the TSD standards'
    if (validFor.trim() && (!/^\d+$/.test(validFor.trim()) || Number(validFor) < 1 || Number(validFor) > 240))
      found['valid-for'] = 'Enter a number of months from 1 to 240, or leave it empty'
    setErrors(found)
    if (Object.keys(found).length) return
    create.mutate(
      {
        name: name.trim(),
        is_tsd: isTsd === 'yes',
        ...(validFor.trim() ? { valid_for_months: Number(validFor) } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      },
      {
        onSuccess: () => navigate('..', { relative: 'path' }),
        onError: (error) =>
          setErrors(
            isApiError(error, 409)
              ? { name: 'Your council already has a course with that name' }
              : errorsFromApi(error, { name: 'name', is_tsd: 'is-tsd', valid_for_months: 'valid-for', description: 'description' }),
          ),
      },
    )
  }

  return (
    <>
      <BackLink to="/staff/training/courses">Courses</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <h1 className="govuk-heading-xl">Add a course</h1>
          <form onSubmit={submit} noValidate>
            <Input id="name" label="Name" hint="For example, Skills to Foster, or Paediatric first aid" error={errors.name} value={name} onChange={setName} />
            <Radios
              id="is-tsd"
              legend="Is it part of the Training, Support and Development Standards?"
              legendSize="s"
              inline
              error={errors['is-tsd']}
              value={isTsd}
              onChange={setIsTsd}
              choices={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ]}
            />
            <Input
              id="valid-for"
              label="How many months does a completion stay valid? (optional)"
              hint="For example, 36 for first aid. Leave empty if it does not expire."
              inputMode="numeric"
              width="4"
              error={errors['valid-for']}
              value={validFor}
              onChange={setValidFor}
            />
            <Textarea id="description" label="Description (optional)" error={errors.description} value={description} onChange={setDescription} />
            <ButtonGroup>
              <Button disabled={create.isPending}>Add course</Button>
              <Link className="govuk-link" to="/staff/training/courses">
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
