import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { errorsFromApi, summaryOf, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCouncils } from '../api/get-councils'
import { useRoutePostcode } from '../api/route-postcode'

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*(\d[A-Z]{2})?$/i

/** The public front door: find your council by postcode, or pick it from the list. */
export function ChooseCouncilPage() {
  const councils = useCouncils()
  const route = useRoutePostcode()
  const navigate = useNavigate()
  const [postcode, setPostcode] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<'postcode'>()
  usePageTitle('Foster with your local council', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = postcode.trim()
    if (!value) return setErrors({ postcode: 'Enter your postcode' })
    if (!POSTCODE.test(value)) return setErrors({ postcode: 'Enter a real postcode, like L1 8JQ' })
    setErrors({})
    route.mutate(value, {
      onSuccess: (found) => navigate(`/councils/${found.council}`),
      onError: (error) =>
        setErrors(
          isApiError(error, 404)
            ? { postcode: 'None of the councils on this service covers that postcode: choose from the list below' }
            : errorsFromApi(error, { postcode: 'postcode' }),
        ),
    })
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, ['postcode'])} />}
        <h1 className="govuk-heading-xl">Foster with your local council</h1>
        <p className="govuk-body-l">
          Foster carers give children a safe, caring home when they cannot live with their own family. Your council
          trains you, pays you and supports you every step of the way.
        </p>
        <form onSubmit={submit} noValidate>
          <Input
            id="postcode"
            label="Find your council by postcode"
            labelSize="m"
            hint="For example, L1 8JQ"
            error={errors.postcode}
            width="10"
            autoComplete="postal-code"
            spellCheck={false}
            value={postcode}
            onChange={setPostcode}
          />
          <Button preventDoubleClick disabled={route.isPending}>
            Find council
          </Button>
        </form>

        <h2 className="govuk-heading-m">Or choose your council</h2>
        {councils.isPending && <p className="govuk-body">Loading councils…</p>}
        {councils.isError && <p className="govuk-body">Sorry, the list of councils cannot be shown right now.</p>}
        {councils.data && (
          <ul className="govuk-list govuk-list--spaced">
            {councils.data.map((council) => (
              <li key={council.slug}>
                <Link className="govuk-link" to={`/councils/${council.slug}`}>
                  {council.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
