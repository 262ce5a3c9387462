import { Input } from '../../../components/govuk/Input'
import { Radios } from '../../../components/govuk/Radios'
import { Textarea } from '../../../components/govuk/Textarea'
import type { FormErrors } from '../../../lib/forms'

/** The fields a course has when added and when changed. */
export type CourseField = 'name' | 'is-tsd' | 'valid-for' | 'description'
export const COURSE_FIELDS: readonly CourseField[] = ['name', 'is-tsd', 'valid-for', 'description']
/** The API's field names, for its errors. */
export const COURSE_API_FIELDS = { name: 'name', is_tsd: 'is-tsd', valid_for_months: 'valid-for', description: 'description' } as const

export type CourseValues = { name: string; isTsd: 'yes' | 'no' | ''; validFor: string; description: string }

/** What is wrong with the values before they are sent, by field. */
export function courseErrors(values: CourseValues): FormErrors<CourseField> {
  const found: FormErrors<CourseField> = {}
  if (!values.name.trim()) found.name = 'Enter the course’s name'
  if (!values.isTsd) found['is-tsd'] = 'Select whether the course is part of the TSD standards'
  const months = values.validFor.trim()
  if (months && (!/^\d+$/.test(months) || Number(months) < 1 || Number(months) > 240))
    found['valid-for'] = 'Enter a number of months from 1 to 240, or leave it empty'
  return found
}

/** The course's name, TSD choice, months valid and description, as one block of a form. */
export function CourseFields({
  values,
  onChange,
  errors,
  nameHint,
  validForHint,
}: {
  values: CourseValues
  onChange: (values: CourseValues) => void
  errors: FormErrors<CourseField>
  nameHint?: string
  validForHint: string
}) {
  const set = <K extends keyof CourseValues>(key: K) => (value: CourseValues[K]) => onChange({ ...values, [key]: value })
  return (
    <>
      <Input id="name" label="Name" hint={nameHint} error={errors.name} value={values.name} onChange={set('name')} />
      <Radios
        id="is-tsd"
        legend="Is it part of the Training, Support and Development Standards?"
        legendSize="s"
        inline
        error={errors['is-tsd']}
        value={values.isTsd}
        onChange={set('isTsd')}
        choices={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
      />
      <Input
        id="valid-for"
        label="How many months does a completion stay valid? (optional)"
        hint={validForHint}
        inputMode="numeric"
        width="4"
        error={errors['valid-for']}
        value={values.validFor}
        onChange={set('validFor')}
      />
      <Textarea id="description" label="Description (optional)" error={errors.description} value={values.description} onChange={set('description')} />
    </>
  )
}
