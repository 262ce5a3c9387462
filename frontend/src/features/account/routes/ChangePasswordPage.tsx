import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useResolvedPath } from 'react-router'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { PasswordInput } from '../../../components/govuk/PasswordInput'
import { BackLink } from '../../../components/govuk/Typography'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useChangePassword } from '../api/change-password'
import type { AccountPageState } from './AccountPage'

type Field = 'current-password' | 'new-password' | 'confirm-password'
const MIN_LENGTH = 10

export function ChangePasswordPage() {
  const change = useChangePassword()
  const navigate = useNavigate()
  const accountPath = useResolvedPath('..').pathname
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle('Change your password', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!current) found['current-password'] = 'Enter your current password'
    if (!next) found['new-password'] = 'Enter a new password'
    else if (next.length < MIN_LENGTH) found['new-password'] = `Your new password must be at least ${MIN_LENGTH} characters`
    else if (next === current) found['new-password'] = 'Choose a password different from the current one'
    if (next && confirm !== next) found['confirm-password'] = 'The passwords do not match'
    setErrors(found)
    if (Object.keys(found).length) return
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          // The server ends this person's other sessions; this one carries on.
          const state: AccountPageState = { notice: 'password-changed' }
          navigate(accountPath, { replace: true, state })
        },
        onError: (error) =>
          setErrors(errorsFromApi(error, { current_password: 'current-password', new_password: 'new-password' })),
      },
    )
  }

  return (
    <>
      <BackLink to={accountPath}>Back to your account</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && (
            <ErrorSummary key={attempt} errors={summaryOf(errors, ['current-password', 'new-password', 'confirm-password'])} />
          )}
          <h1 className="govuk-heading-xl">Change your password</h1>
          <p className="govuk-body">Changing your password signs you out on every other device. You stay signed in here.</p>
          <form onSubmit={submit} noValidate>
            <PasswordInput
              id="current-password"
              label="Current password"
              autoComplete="current-password"
              error={errors['current-password']}
              value={current}
              onChange={setCurrent}
            />
            <PasswordInput
              id="new-password"
              label="New password"
              hint={`At least ${MIN_LENGTH} characters. A few words you will remember make a strong password.`}
              autoComplete="new-password"
              error={errors['new-password']}
              value={next}
              onChange={setNext}
            />
            <PasswordInput
              id="confirm-password"
              label="Confirm new password"
              autoComplete="new-password"
              error={errors['confirm-password']}
              value={confirm}
              onChange={setConfirm}
            />
            <ButtonGroup>
              <Button disabled={change.isPending}>Change password</Button>
              <Link className="govuk-link" to={accountPath}>
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
