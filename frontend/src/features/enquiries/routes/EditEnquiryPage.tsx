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
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useEnquiry } from '../api/get-enquiry'
import { useUpdateEnquiry } from '../api/update-enquiry'
import type { EnquiryPageState } from './EnquiryPage'

type Field = 'first-name' | 'last-name' | 'email' | 'phone' | 'postcode'
const FIELDS: readonly Field[] = ['first-name', 'last-name', 'email', 'phone', 'postcode']
type Detail = Schemas['EnquiryDetail']

function valuesOf(data: Detail): Record<Field, string> {
  return {
    'first-name': data.contact.first_name,
    'last-name': data.contact.last_name,
    email: data.contact.email ?? '',
    phone: data.contact.phone ?? '',
    postcode: data.contact.postcode ?? '',
  }
}

/**
 * Corrects the person's contact details with `PATCH` and If-Match. When someone else changed
 * the enquiry meanwhile (412), the form shows the latest version to make the change again.
 */
export function EditEnquiryPage({ notFound }: { notFound: ReactNode }) {
  const { enquiryId = '' } = useParams()
  const enquiry = useEnquiry(enquiryId)
  // Above the form, so a 412 is still shown once the form starts again from the latest version.
  const update = useUpdateEnquiry(enquiryId)
  usePageTitle(enquiry.data ? `Correct details of ${enquiry.data.enquiry.reference}` : 'Correct details')
  if (isApiError(enquiry.error, 404)) return <>{notFound}</>
  if (!enquiry.data) return <p className="govuk-body" role="status">{enquiry.isError ? 'Sorry, this enquiry cannot be shown right now.' : 'Loading…'}</p>
  // A new version (after a 412) starts the form again from the latest details.
  return <EditForm key={enquiry.data.etag ?? ''} data={enquiry.data.enquiry} etag={enquiry.data.etag} update={update} />
}

function EditForm({ data, etag, update }: { data: Detail; etag: string | null; update: ReturnType<typeof useUpdateEnquiry> }) {
  const navigate = useNavigate()
  const initial = valuesOf(data)
  const [values, setValues] = useState(initial)
  const [keepInTouch, setKeepInTouch] = useState(data.consent.marketing_ok)
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(`Correct details of ${data.reference}`, { error: hasErrors })
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!values['first-name'].trim()) found['first-name'] = 'Enter their first name'
    if (!values['last-name'].trim()) found['last-name'] = 'Enter their last name'
    if (!values.email.trim()) found.email = 'Enter their email address'
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) found.email = 'Enter an email address in the correct format, like name@example.com'
    if (!values.postcode.trim()) found.postcode = 'Enter their postcode'
    setErrors(found)
    if (Object.keys(found).length) return
    const patch: Schemas['EnquiryPatch'] = {}
    if (values['first-name'].trim() !== initial['first-name']) patch.first_name = values['first-name'].trim()
    if (values['last-name'].trim() !== initial['last-name']) patch.last_name = values['last-name'].trim()
    if (values.email.trim() !== initial.email) patch.email = values.email.trim()
    if (values.phone.trim() !== initial.phone) patch.phone = values.phone.trim() || null
    if (values.postcode.trim() !== initial.postcode) patch.postcode = values.postcode.trim()
    if (keepInTouch !== data.consent.marketing_ok) patch.marketing_ok = keepInTouch
    if (!Object.keys(patch).length) return navigate(`/staff/enquiries/${data.id}`)
    update.mutate(
      { etag, patch },
      {
        onSuccess: () => {
          const state: EnquiryPageState = { notice: 'updated' }
          navigate(`/staff/enquiries/${data.id}`, { state })
        },
        onError: (error) => {
          if (isApiError(error, 412)) return
          setErrors(
            errorsFromApi(error, { first_name: 'first-name', last_name: 'last-name', email: 'email', phone: 'phone', postcode: 'postcode' }),
          )
        },
      },
    )
  }

  return (
    <>
      <BackLink to={`/staff/enquiries/${data.id}`}>Back to the enquiry</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          {isApiError(update.error, 412) && (
            <NotificationBanner title="There is a problem" heading="Someone changed this enquiry while you were editing it">
              <p className="govuk-body">Here is the latest version. Check it and make your change again.</p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">{data.reference}</span>
          <h1 className="govuk-heading-xl">Correct details</h1>
          <form onSubmit={submit} noValidate>
            <Input id="first-name" label="First name" autoComplete="off" spellCheck={false} width="20" error={errors['first-name']} value={values['first-name']} onChange={set('first-name')} />
            <Input id="last-name" label="Last name" autoComplete="off" spellCheck={false} width="20" error={errors['last-name']} value={values['last-name']} onChange={set('last-name')} />
            <Input id="email" label="Email address" type="email" autoComplete="off" spellCheck={false} error={errors.email} value={values.email} onChange={set('email')} />
            <Input id="phone" label="Phone number (optional)" type="tel" autoComplete="off" width="20" error={errors.phone} value={values.phone} onChange={set('phone')} />
            <Input id="postcode" label="Postcode" autoComplete="off" width="10" error={errors.postcode} value={values.postcode} onChange={set('postcode')} />
            <Checkboxes<'yes'>
              id="marketing-ok"
              legend="Keeping in touch"
              legendSize="s"
              hint="Only with the person’s agreement. People who withdraw or stop answering are listed to contact again after the council’s interval only if they agreed."
              choices={[{ value: 'yes', label: 'They agree to hear from us about fostering news and events' }]}
              values={keepInTouch ? ['yes'] : []}
              onChange={(chosen) => setKeepInTouch(chosen.includes('yes'))}
            />
            <ButtonGroup>
              <Button disabled={update.isPending}>Save</Button>
              <Link className="govuk-link" to={`/staff/enquiries/${data.id}`}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
