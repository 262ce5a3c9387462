import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Input } from '../../../components/govuk/Input'
import { PasswordInput } from '../../../components/govuk/PasswordInput'
import { Radios } from '../../../components/govuk/Radios'
import { BackLink, InsetText, Panel } from '../../../components/govuk/Typography'
import { isApiError } from '../../../api/problems'
import { ALL_ROLES, ROLE_LABELS, type Role } from '../../../lib/auth/roles'
import { errorsFromApi, summaryOf, useFormErrors, type FormErrors } from '../../../lib/forms'
import { usePageTitle } from '../../../lib/page'
import { useCreateUser } from '../api/create-user'

type Field = 'display-name' | 'email' | 'roles' | 'password-choice' | 'password'
const FIELDS: readonly Field[] = ['display-name', 'email', 'roles', 'password-choice', 'password']
const MIN_PASSWORD = 10

const ROLE_HINTS: Partial<Record<Role, string>> = {
  admin: 'Adds people, sets council settings and can see audit records',
  carer: 'Uses the carers’ portal',
  applicant: 'Uses the carers’ portal while their application is assessed',
  regional_viewer: 'Sees regional figures only, never people',
}

/** Add a person: their name, email and roles, with a password they are given or one made for them. */
export function NewUserPage() {
  const create = useCreateUser()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [roles, setRoles] = useState<Role[]>([])
  const [choice, setChoice] = useState<'generate' | 'set' | ''>('')
  const [password, setPassword] = useState('')
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<Field>()
  usePageTitle(create.data ? 'Account created' : 'Add a person', { error: hasErrors })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: FormErrors<Field> = {}
    if (!name.trim()) found['display-name'] = 'Enter their full name'
    if (!email.trim()) found.email = 'Enter their email address'
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.email = 'Enter an email address in the correct format, like name@example.org'
    if (!roles.length) found.roles = 'Select at least one role'
    if (!choice) found['password-choice'] = 'Select how they get their first password'
    if (choice === 'set' && password.length < MIN_PASSWORD)
      found.password = `The password must be at least ${MIN_PASSWORD} characters`
    setErrors(found)
    if (Object.keys(found).length) return
    create.mutate(
      {
        display_name: name.trim(),
        email: email.trim(),
        roles: [...roles].sort(),
        ...(choice === 'set' ? { password } : {}),
      },
      {
        onError: (error) =>
          setErrors(
            isApiError(error, 409)
              ? { email: 'Someone with that email address already has an account' }
              : errorsFromApi(error, { display_name: 'display-name', email: 'email', roles: 'roles', password: 'password' }),
          ),
      },
    )
  }

  if (create.data) {
    const created = create.data
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title="Account created">{created.display_name} can now sign in</Panel>
          {created.generated_password ? (
            <>
              <p className="govuk-body">Give them this password in a safe way, such as in person or by phone. It is shown only once.</p>
              <InsetText>
                <p className="govuk-body fh-secret" id="generated-password">
                  {created.generated_password}
                </p>
              </InsetText>
            </>
          ) : (
            <p className="govuk-body">They sign in with the password you set.</p>
          )}
          <p className="govuk-body">They should change it after signing in, from their account page.</p>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`../${created.id}`} relative="path">
                View {created.display_name}’s account
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to=".." relative="path">
                Back to users
              </Link>
            </li>
          </ul>
        </div>
      </div>
    )
  }

  return (
    <>
      <BackLink to="..">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, FIELDS)} />}
          <h1 className="govuk-heading-xl">Add a person</h1>
          <form onSubmit={submit} noValidate>
            <Input id="display-name" label="Full name" autoComplete="off" spellCheck={false} error={errors['display-name']} value={name} onChange={setName} />
            <Input
              id="email"
              label="Email address"
              type="email"
              autoComplete="off"
              spellCheck={false}
              hint="They sign in with this"
              error={errors.email}
              value={email}
              onChange={setEmail}
            />
            <Checkboxes<Role>
              id="roles"
              legend="Roles"
              legendSize="m"
              hint="Select all that apply"
              small
              error={errors.roles}
              choices={ALL_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_HINTS[role] }))}
              values={roles}
              onChange={setRoles}
            />
            <Radios
              id="password-choice"
              legend="First password"
              legendSize="m"
              error={errors['password-choice']}
              value={choice}
              onChange={setChoice}
              choices={[
                { value: 'generate', label: 'Make one for them', hint: 'Shown to you once, after the account is created' },
                {
                  value: 'set',
                  label: 'I will set one',
                  conditional: (
                    <PasswordInput
                      id="password"
                      label="Password"
                      hint={`At least ${MIN_PASSWORD} characters`}
                      autoComplete="new-password"
                      error={errors.password}
                      value={password}
                      onChange={setPassword}
                    />
                  ),
                },
              ]}
            />
            <ButtonGroup>
              <Button disabled={create.isPending}>Add person</Button>
              <Link className="govuk-link" to="..">
                Cancel
              </Link>
            </ButtonGroup>
          </form>
        </div>
      </div>
    </>
  )
}
