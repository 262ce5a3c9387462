import type { ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonGroup } from '../../../components/govuk/Button'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { WarningText } from '../../../components/govuk/Typography'
import { usePageTitle } from '../../../lib/page'
import { useUser } from '../api/get-user'
import { useUpdateUser } from '../api/update-user'
import type { UserPageState } from './UserPage'

/** Confirms deactivating an account: the person is signed out and cannot sign in again. */
export function DeactivateUserPage({ notFound }: { notFound: ReactNode }) {
  const { userId = '' } = useParams()
  const user = useUser(userId)
  const update = useUpdateUser()
  const navigate = useNavigate()
  const name = user.data?.user.display_name
  usePageTitle(name ? `Deactivate ${name}’s account` : 'Deactivate account', { error: update.isError })

  if (isApiError(user.error, 404)) return <>{notFound}</>
  if (!user.data) return <p className="govuk-body" role="status">Loading…</p>
  const { user: person, etag } = user.data

  const deactivate = () =>
    update.mutate(
      { userId: person.id, etag, patch: { is_active: false } },
      {
        onSuccess: () => {
          const state: UserPageState = { notice: 'deactivated' }
          navigate('..', { relative: 'path', state })
        },
      },
    )

  const problem = isApiError(update.error, 412)
    ? 'Someone else changed this account since you opened this page. Check it and try again.'
    : isApiError(update.error) && update.error.fieldErrors[0]
      ? update.error.fieldErrors[0].message
      : 'Sorry, the account could not be deactivated. Try again later.'

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {update.isError && <ErrorSummary key={update.failureCount + update.submittedAt} errors={[{ text: problem }]} />}
        <span className="govuk-caption-l">{person.display_name}</span>
        <h1 className="govuk-heading-xl">Are you sure you want to deactivate this account?</h1>
        <WarningText>They will be signed out straight away and will not be able to sign in until the account is reactivated.</WarningText>
        <ButtonGroup>
          <Button type="button" variant="warning" onClick={deactivate} disabled={update.isPending || !person.is_active}>
            Deactivate account
          </Button>
          <Link className="govuk-link" to=".." relative="path">
            Cancel
          </Link>
        </ButtonGroup>
      </div>
    </div>
  )
}
