import { describe, expect, it } from 'vitest'
import { hasAnyRole, homeFor, safeNext, STAFF_ROLES } from './roles'

describe('where people belong', () => {
  it('sends staff to the workspace, carers and applicants to the portal, others to the public site', () => {
    expect(homeFor(['admin'])).toBe('/staff')
    expect(homeFor(['regional_viewer'])).toBe('/staff')
    expect(homeFor(['carer'])).toBe('/portal')
    expect(homeFor(['applicant'])).toBe('/portal')
    expect(homeFor(['carer', 'social_worker'])).toBe('/staff')
    expect(homeFor([])).toBe('/')
    expect(homeFor(null)).toBe('/')
  })

  it('checks roles', () => {
    expect(hasAnyRole(['carer'], STAFF_ROLES)).toBe(false)
    expect(hasAnyRole(['manager'], STAFF_ROLES)).toBe(true)
    expect(hasAnyRole(undefined, STAFF_ROLES)).toBe(false)
  })

  it('follows a next address only within the site', () => {
    expect(safeNext('/staff/users?q=a')).toBe('/staff/users?q=a')
    expect(safeNext('//evil.example')).toBeNull()
    expect(safeNext('/\\evil.example')).toBeNull()
    expect(safeNext('https://evil.example/')).toBeNull()
    expect(safeNext('javascript:alert(1)')).toBeNull()
    expect(safeNext('/sign-in?next=/staff')).toBeNull()
    expect(safeNext(null)).toBeNull()
  })
})
