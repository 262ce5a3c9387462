import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCreateCourse } from '../api/create-course'
import { COURSE_API_FIELDS, COURSE_FIELDS, CourseFields, courseErrors, type CourseField, type CourseValues } from '../components/CourseFields'

/** Adds a course: its name, whether it is part of the TSD standards, how long it stays valid. */
export function NewCoursePage() {
  const create = useCreateCourse()
  const navigate = useNavigate()
  const [values, setValues] = useState<CourseValues>({ name: '', isTsd: '', validFor: '', description: '' })
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<CourseField>()
  usePageTitle('Add a course', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = courseErrors(values)
    setErrors(found)
    if (Object.keys(found).length) return
    create.mutate(
      {
        name: values.name.trim(),
        is_tsd: values.isTsd === 'yes',
        ...(values.validFor.trim() ? { valid_for_months: Number(values.validFor) } : {}),
        ...(values.description.trim() ? { description: values.description.trim() } : {}),
      },
      {
        onSuccess: () => navigate('..', { relative: 'path' }),
        onError: (error) =>
          setErrors(
            isApiError(error, 409) ? { name: 'Your council already has a course with that name' } : errorsFromApi(error, COURSE_API_FIELDS),
          ),
      },
    )
  }

  return (
    <>
      <BackLink to="/staff/training/courses">Courses</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, COURSE_FIELDS)} />}
          <h1 className="govuk-heading-xl">Add a course</h1>
          <form onSubmit={submit} noValidate>
            <CourseFields
              values={values}
              onChange={setValues}
              errors={errors}
              nameHint="For example, Skills to Foster, or Paediatric first aid"
              validForHint="For example, 36 for first aid. Leave empty if it does not expire."
            />
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
