/** Roles, the areas they open, and where each person lands after signing in. */
import type { Schemas } from '../../api/client'

export type Role = Schemas['UserOut']['roles'][number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  recruitment_officer: 'Recruitment officer',
  social_worker: 'Social worker',
  placement_officer: 'Placement officer',
  manager: 'Manager',
  carer: 'Foster carer',
  applicant: 'Applicant',
  regional_viewer: 'Regional viewer',
}

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[]

/** Council staff: the staff workspace. Regional viewers read reports there too. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'recruitment_officer', 'social_worker', 'placement_officer', 'manager']
export const STAFF_AREA_ROLES: readonly Role[] = [...STAFF_ROLES, 'regional_viewer']
/** Carers and applicants: the portal. */
export const PORTAL_ROLES: readonly Role[] = ['carer', 'applicant']

export function hasAnyRole(roles: readonly string[] | null | undefined, wanted: readonly Role[]): boolean {
  return (roles ?? []).some((role) => (wanted as readonly string[]).includes(role))
}

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role
}

/** The page a person belongs on: the staff workspace, the portal, or the public site. */
export function homeFor(roles: readonly string[] | null | undefined): string {
  if (hasAnyRole(roles, STAFF_AREA_ROLES)) return '/staff'
  if (hasAnyRole(roles, PORTAL_ROLES)) return '/portal'
  return '/'
}

/**
 * A `next` parameter that is safe to follow after sign-in: a path on this site only, never
 * `//elsewhere` or `https://elsewhere`, and never back to the sign-in page itself.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null
  if (next.startsWith('/sign-in') || next.startsWith('/sign-out')) return null
  return next
}
