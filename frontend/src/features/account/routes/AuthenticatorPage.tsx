import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useResolvedPath } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { BackLink, InsetText } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useConfirmTotp } from '../api/confirm-totp'
import { useEnrolTotp } from '../api/enrol-totp'
import { useAccount } from '../api/get-account'
import { QrCode } from '../components/QrCode'
import type { AccountPageState } from './AccountPage'

function groupsOfFour(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

/** Set up an authenticator app: scan the QR code (or type the key), then confirm a code. */
export function AuthenticatorPage() {
  const account = useAccount()
  const enrol = useEnrolTotp()
  const confirm = useConfirmTotp()
  const navigate = useNavigate()
  const accountPath = useResolvedPath('..').pathname
  const [code, setCode] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<'code'>()
  usePageTitle('Set up an authenticator app', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = code.replace(/\s/g, '')
    if (!value) return setErrors({ code: 'Enter the code from your authenticator app' })
    if (!/^\d{6}$/.test(value)) return setErrors({ code: 'The code must be 6 numbers' })
    setErrors({})
    confirm.mutate(value, {
      onSuccess: () => {
        const state: AccountPageState = { notice: 'totp-enabled' }
        navigate(accountPath, { state })
      },
      onError: (error) =>
        setErrors(
          isApiError(error, 401) || isApiError(error, 422)
            ? { code: 'That code did not match: check the time on your phone and enter the latest code' }
            : errorsFromApi(error, { code: 'code' }),
        ),
    })
  }

  if (account.data?.totp_enabled) {
    return (
      <>
        <BackLink to={accountPath}>Back to your account</BackLink>
        <h1 className="govuk-heading-xl">Your authenticator app is set up</h1>
        <p className="govuk-body">Signing in asks for a code from it. To move to a new phone, ask your administrator.</p>
      </>
    )
  }

  return (
    <>
      <BackLink to={accountPath}>Back to your account</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, ['code'])} />}
          <h1 className="govuk-heading-xl">Set up an authenticator app</h1>
          <p className="govuk-body">
            An authenticator app on your phone makes a new 6-digit code every 30 seconds. Once it is set up, signing in
            asks for a code as well as your password, so nobody can sign in as you with your password alone.
          </p>
          {!enrol.data ? (
            <>
              <p className="govuk-body">You can use any authenticator app, such as the one that came with your phone.</p>
              {enrol.isError && (
                <p className="govuk-error-message">Sorry, setting up cannot start right now. Try again later.</p>
              )}
              <Button type="button" onClick={() => enrol.mutate()} disabled={enrol.isPending}>
                Start setting up
              </Button>
            </>
          ) : (
            <>
              <h2 className="govuk-heading-m">1. Scan the QR code</h2>
              <p className="govuk-body">Open your authenticator app, choose to add an account, and scan this code.</p>
              <QrCode value={enrol.data.otpauth_uri} label="QR code to add Foster Hub to your authenticator app" />
              <InsetText>
                <p className="govuk-body">If you cannot scan it, type this key into the app instead:</p>
                <p className="govuk-body fh-secret" id="totp-secret">
                  {groupsOfFour(enrol.data.secret)}
                </p>
              </InsetText>
              <h2 className="govuk-heading-m">2. Enter a code from the app</h2>
              <form onSubmit={submit} noValidate>
                <Input
                  id="code"
                  label="Code from your authenticator app"
                  hint="6 numbers, for example 123456"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  spellCheck={false}
                  width="5"
                  error={errors.code}
                  value={code}
                  onChange={setCode}
                />
                <Button disabled={confirm.isPending}>Turn on</Button>
              </form>
            </>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to={accountPath}>
              Cancel and go back to your account
            </Link>
          </p>
        </div>
      </div>
    </>
  )
}
