import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import type { Schemas } from '../../../api/client'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Radios } from '../../../components/govuk/Radios'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCourse } from '../api/get-course'
import { useUpdateCourse } from '../api/update-course'
import { COURSE_API_FIELDS, COURSE_FIELDS, CourseFields, courseErrors, type CourseField, type CourseValues } from '../components/CourseFields'

type Field = CourseField | 'is-active'
const FIELDS: readonly Field[] = [...COURSE_FIELDS, 'is-active']
const COURSES = '/staff/training/courses'

/**
 * Changes a course, or retires it: a retired course is kept on people's records but no longer
 * offered for new sessions or counted in the TSD standards' list. Saved with its ETag.
 */
export function EditCoursePage({ notFound }: { notFound: ReactNode }) {
  const { courseId = '' } = useParams()
  const query = useCourse(courseId)
  usePageTitle(query.data ? `Change – ${query.data.course.name}` : 'Change course')
  if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <>{notFound}</>
  if (query.isError) return <p className="govuk-body">Sorry, this course cannot be shown right now. Try again later.</p>
  if (!query.data)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    )
  return <CourseForm key={query.data.etag} course={query.data.course} etag={query.data.etag ?? ''} />
}

function CourseForm({ course, etag }: { course: Schemas['CourseOut']; etag: string }) {
  const update = useUpdateCourse(course.id)
  const navigate = useNavigate()
  const [values, setValues] = useState<CourseValues>({
    name: course.name,
    isTsd: course.is_tsd ? 'yes' : 'no',
    validFor: course.valid_for_months != null ? String(course.valid_for_months) : '',
    description: course.description ?? '',
  })
  const [active, setActive] = useState<'yes' | 'no'>(course.is_active ? 'yes' : 'no')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(`Change – ${course.name}`, { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = courseErrors(values)
    setErrors(found)
    if (Object.keys(found).length) return
    update.mutate(
      {
        etag,
        body: {
          name: values.name.trim(),
          is_tsd: values.isTsd === 'yes',
          valid_for_months: values.validFor.trim() ? Number(values.validFor) : null,
          description: values.description.trim() || null,
          is_active: active === 'yes',
        },
      },
      {
        onSuccess: () => navigate(COURSES),
        onError: (error) =>
          setErrors(
            isApiError(error, 412)
              ? { form: 'Someone else changed this course while you were editing. Your changes are not saved: try again.' }
              : isApiError(error, 409)
                ? { name: 'Your council already has a course with that name' }
                : errorsFromApi<Field>(error, { ...COURSE_API_FIELDS, is_active: 'is-active' }),
          ),
      },
    )
  }

  return (
    <>
      <BackLink to={COURSES}>Courses</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <span className="govuk-caption-l">{course.name}</span>
          <h1 className="govuk-heading-xl">Change course</h1>
          <form onSubmit={submit} noValidate>
            <CourseFields
              values={values}
              onChange={setValues}
              errors={errors}
              validForHint="Leave empty if it does not expire. A change applies to completions recorded from now on."
            />
            <Radios
              id="is-active"
              legend="Is the course still offered?"
              legendSize="s"
              error={errors['is-active']}
              value={active}
              onChange={setActive}
              choices={[
                { value: 'yes', label: 'Yes, it is active' },
                { value: 'no', label: 'No, retire it', hint: 'People’s completions stay on their records. It is no longer offered for new sessions.' },
              ]}
            />
            <ButtonGroup>
              <Button disabled={update.isPending}>Save changes</Button>
              <Link className="govuk-link" to={COURSES}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
