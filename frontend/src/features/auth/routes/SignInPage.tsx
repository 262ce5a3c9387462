import { useState, type FormEvent } from 'react'
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { PasswordInput } from '../../../components/govuk/PasswordInput'
import { useAuth } from '../../../lib/auth/AuthProvider'
import type { SignInState } from '../../../lib/auth/RequireRole'
import { homeFor, safeNext } from '../../../lib/auth/roles'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'

type Field = 'email' | 'password' | 'otp'


function waitMessage(error: ApiError): string {
  const seconds = Number(error.retryAfter)
  const wait = Number.isFinite(seconds) && seconds > 0 ? ` Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.` : ''
  return `${error.problem?.title ?? 'Too many failed sign-ins'}.${wait}`
}

/** Sign in with email and password, then a one-time code when the account has one set up. */
export function SignInPage() {
  const { state, signIn } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const arrived = (location.state ?? {}) as SignInState

  const [step, setStep] = useState<'credentials' | 'otp'>('credentials')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [otp, setOtp] = useState('')
  const [pending, setPending] = useState(false)
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(step === 'otp' ? 'Enter your code' : 'Sign in', { error: hasErrors })

  if (state.status === 'signed-in' && !pending) {
    return <Navigate to={next ?? homeFor(state.me.roles)} replace />
  }

  const check = (): FormErrors<Field> => {
    if (step === 'otp') {
      const code = otp.replace(/\s/g, '')
      if (!code) return { otp: 'Enter the code from your authenticator app' }
      if (!/^\d{6}$/.test(code)) return { otp: 'The code must be 6 numbers' }
      return {}
    }
    const found: FormErrors<Field> = {}
    if (!email.trim()) found.email = 'Enter your email address'
    else if (!email.includes('@')) found.email = 'Enter an email address in the correct format, like name@example.org'
    if (!password) found.password = 'Enter your password'
    return found
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = check()
    setErrors(found)
    if (Object.keys(found).length) return
    setPending(true)
    try {
      const me = await signIn({ email: email.trim(), password, otp: step === 'otp' ? otp.replace(/\s/g, '') : undefined })
      navigate(next ?? homeFor(me.roles), { replace: true })
    } catch (error) {
      setPending(false)
      if (!(error instanceof ApiError)) return setErrors({ form: 'Sorry, there is a problem with the service. Try again later.' })
      switch (error.type) {
        case 'otp-required':
          setErrors({})
          return setStep('otp')
        case 'invalid-otp':
          return setErrors({ otp: 'The code is wrong or has expired: enter the latest code from your app' })
        case 'invalid-credentials':
          setStep('credentials')
          return setErrors({ email: 'Enter a correct email address and password' })
        default:
          if (error.status === 429 || error.status === 423) return setErrors({ form: waitMessage(error) })
          return setErrors(errorsFromApi(error, { email: 'email', password: 'password', otp: 'otp' }))
      }
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, ['email', 'password', 'otp'])} />}
        {!hasErrors && arrived.ended === 'expired' && (
          <NotificationBanner heading="Your session has ended">
            <p className="govuk-body">Sign in again to carry on where you were.</p>
          </NotificationBanner>
        )}
        {step === 'credentials' ? (
          <form onSubmit={submit} noValidate>
            <h1 className="govuk-heading-xl">Sign in</h1>
            <p className="govuk-body">For foster carers, applicants and council staff.</p>
            <Input
              id="email"
              label="Email address"
              type="email"
              autoComplete="username"
              spellCheck={false}
              error={errors.email}
              value={email}
              onChange={setEmail}
            />
            <PasswordInput
              id="password"
              label="Password"
              autoComplete="current-password"
              error={errors.password}
              value={password}
              onChange={setPassword}
            />
            <Button disabled={pending}>Sign in</Button>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <Input
              id="otp"
              label="Enter the code from your authenticator app"
              labelSize="l"
              isPageHeading
              hint="The 6-digit code your app shows for Foster Hub. It changes every 30 seconds."
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              width="5"
              error={errors.otp}
              value={otp}
              onChange={setOtp}
            />
            <Button disabled={pending}>Continue</Button>
            <p className="govuk-body">
              <button
                type="button"
                className="fh-link-button"
                onClick={() => {
                  setStep('credentials')
                  setOtp('')
                  setErrors({})
                }}
              >
                Sign in with a different account
              </button>
            </p>
          </form>
        )}
      </div>
    </div>
  )
}
