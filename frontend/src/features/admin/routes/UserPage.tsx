import type { ReactNode } from 'react'
import { useLocation, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import { Button, ButtonLink } from '../../../components/govuk/Button'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { Tag } from '../../../components/govuk/Tag'
import { BackLink } from '../../../components/govuk/Typography'
import { useMe } from '../../../lib/auth/AuthProvider'
import { roleLabel } from '../../../lib/auth/roles'
import { formatDateTime } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useUser } from '../api/get-user'
import { useUpdateUser } from '../api/update-user'
import { UserStatus } from '../components/UserStatus'

export interface UserPageState {
  notice?: 'deactivated'
}

/** One account: details, and deactivating or reactivating it. */
export function UserPage({ notFound }: { notFound: ReactNode }) {
  const { userId = '' } = useParams()
  const me = useMe()
  const user = useUser(userId)
  const update = useUpdateUser()
  const location = useLocation()
  const notice = (location.state as UserPageState | null)?.notice
  usePageTitle(user.data?.user.display_name ?? 'User')

  if (isApiError(user.error, 404)) return <>{notFound}</>
  if (!user.data) {
    return (
      <p className="govuk-body" role="status">
        {user.isError ? 'Sorry, this account cannot be shown right now.' : 'Loading…'}
      </p>
    )
  }
  const { user: person, etag } = user.data
  const reactivated = update.isSuccess && person.is_active

  return (
    <>
      <BackLink to="..">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice === 'deactivated' && !person.is_active && (
            <NotificationBanner type="success" heading={`${person.display_name}’s account is deactivated`}>
              <p className="govuk-body">They have been signed out and cannot sign in.</p>
            </NotificationBanner>
          )}
          {reactivated && (
            <NotificationBanner type="success" heading={`${person.display_name} can sign in again`} />
          )}
          {update.isError && (
            <NotificationBanner title="There is a problem">
              <p className="govuk-body">
                {isApiError(update.error, 412)
                  ? 'Someone else changed this account while you were looking at it. The page now shows the latest details: try again.'
                  : 'Sorry, the account could not be changed. Try again later.'}
              </p>
            </NotificationBanner>
          )}
          <span className="govuk-caption-l">User</span>
          <h1 className="govuk-heading-xl">{person.display_name}</h1>
          <SummaryList
            rows={[
              { key: 'Email address', value: person.email },
              { key: 'Roles', value: person.roles.map(roleLabel).join(', ') },
              { key: 'Status', value: <UserStatus active={person.is_active} /> },
              { key: 'Authenticator app', value: person.totp_enabled ? <Tag colour="green">On</Tag> : <Tag colour="grey">Not set up</Tag> },
              { key: 'Account created', value: formatDateTime(person.created_at) },
              { key: 'Last signed in', value: person.last_login_at ? formatDateTime(person.last_login_at) : 'Never' },
            ]}
          />
          {person.id === me.id ? (
            <p className="govuk-body">This is your own account.</p>
          ) : person.is_active ? (
            <ButtonLink to="deactivate" variant="warning">
              Deactivate account
            </ButtonLink>
          ) : (
            <Button
              type="button"
              variant="secondary"
              disabled={update.isPending}
              onClick={() => update.mutate({ userId: person.id, etag, patch: { is_active: true } })}
            >
              Reactivate account
            </Button>
          )}
        </div>
      </div>
    </>
  )
}
