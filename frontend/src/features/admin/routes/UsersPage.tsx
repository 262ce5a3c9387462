import { useState, type FormEvent } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { Button, ButtonLink } from '../../../components/govuk/Button'
import { Input } from '../../../components/govuk/Input'
import { Pagination } from '../../../components/govuk/Pagination'
import { Select } from '../../../components/govuk/Select'
import { Table } from '../../../components/govuk/Table'
import { ALL_ROLES, roleLabel, type Role } from '../../../lib/auth/roles'
import { formatDateTime } from '../../../lib/format'
import { usePageTitle } from '../../../lib/page'
import { useUsers, type UsersFilter } from '../api/list-users'
import { UserStatus } from '../components/UserStatus'

type Status = 'active' | 'deactivated'
const PAGE_SIZE = 25

/** Cursors of the pages before this one, so "Previous" can go back. */
interface PagingState {
  previous?: string[]
}

function isRole(value: string | null): value is Role {
  return value !== null && (ALL_ROLES as string[]).includes(value)
}

/** The council's user accounts, with search and filters in the address so they can be shared. */
export function UsersPage() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const previous = (location.state as PagingState | null)?.previous ?? []

  const q = params.get('q') ?? ''
  const role = params.get('role')
  const status = params.get('status')
  const cursor = params.get('cursor')
  const filter: UsersFilter = {
    limit: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(isRole(role) ? { role } : {}),
    ...(status === 'active' || status === 'deactivated' ? { active: status === 'active' } : {}),
    ...(cursor ? { cursor } : {}),
  }
  const users = useUsers(filter)
  usePageTitle('Users')

  const [search, setSearch] = useState(q)
  const [roleChoice, setRoleChoice] = useState<Role | ''>(isRole(role) ? role : '')
  const [statusChoice, setStatusChoice] = useState<Status | ''>(status === 'active' || status === 'deactivated' ? status : '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (search.trim()) next.set('q', search.trim())
    if (roleChoice) next.set('role', roleChoice)
    if (statusChoice) next.set('status', statusChoice)
    setParams(next)
  }

  const pageLink = (target: string | null, stack: string[]) => {
    const next = new URLSearchParams(params)
    if (target) next.set('cursor', target)
    else next.delete('cursor')
    const state: PagingState = { previous: stack }
    return { to: { search: next.toString() }, state }
  }

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Users</h1>
          <p className="govuk-body">Everyone who can sign in to your council’s Foster Hub: staff, foster carers and applicants.</p>
        </div>
        <div className="govuk-grid-column-one-third">
          <ButtonLink to="new">Add a person</ButtonLink>
        </div>
      </div>

      <form onSubmit={submit} noValidate role="search" aria-label="Users">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Input id="q" label="Name or email" value={search} onChange={setSearch} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="role"
              label="Role"
              value={roleChoice}
              onChange={setRoleChoice}
              options={[{ value: '', text: 'All roles' }, ...ALL_ROLES.map((r) => ({ value: r, text: roleLabel(r) }))]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select<Status>
              id="status"
              label="Status"
              value={statusChoice}
              onChange={setStatusChoice}
              options={[
                { value: '', text: 'All' },
                { value: 'active', text: 'Active' },
                { value: 'deactivated', text: 'Deactivated' },
              ]}
            />
          </div>
        </div>
        <Button variant="secondary">Search</Button>
      </form>

      {users.isPending && (
        <p className="govuk-body" role="status">
          Loading users…
        </p>
      )}
      {users.isError && <p className="govuk-body">Sorry, the users cannot be shown right now. Try again later.</p>}
      {users.data && users.data.items.length === 0 && <p className="govuk-body">No one matches that search.</p>}
      {users.data && users.data.items.length > 0 && (
        <Table
          caption="People in your council"
          captionHidden
          rows={users.data.items}
          rowKey={(user) => user.id}
          firstCellIsHeader
          columns={[
            {
              header: 'Name',
              cell: (user) => (
                <Link className="govuk-link" to={user.id}>
                  {user.display_name}
                </Link>
              ),
            },
            { header: 'Email address', cell: (user) => user.email },
            { header: 'Roles', cell: (user) => user.roles.map(roleLabel).join(', ') },
            { header: 'Status', cell: (user) => <UserStatus active={user.is_active} /> },
            { header: 'Last signed in', cell: (user) => (user.last_login_at ? formatDateTime(user.last_login_at) : 'Never') },
          ]}
        />
      )}
      {users.data && (
        <Pagination
          label="Pages of users"
          previous={cursor ? pageLink(previous.at(-1) ?? null, previous.slice(0, -1)) : null}
          next={users.data.next_cursor ? pageLink(users.data.next_cursor, cursor ? [...previous, cursor] : [...previous, '']) : null}
        />
      )}
    </>
  )
}
