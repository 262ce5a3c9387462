import { describe, expect, it } from 'vitest'
import { assignable, whoIs } from './people'

const staff = [
  { id: 'a', display_name: 'Aisha Khan', roles: ['recruitment_officer' as const], is_active: true },
  { id: 'b', display_name: 'Ben Ode', roles: ['social_worker' as const], is_active: false },
  { id: 'c', display_name: 'Cara Doe', roles: ['admin' as const], is_active: true },
]

describe('who someone is', () => {
  it('names colleagues from the directory, and says you for yourself', () => {
    expect(whoIs('a', 'c', staff)).toBe('Aisha Khan')
    expect(whoIs('c', 'c', staff)).toBe('You')
    expect(whoIs('b', 'c', staff)).toBe('Ben Ode (no longer active)')
    expect(whoIs(null, 'c', staff)).toBe('Nobody')
  })

  it('falls back to “A colleague” while the directory loads or for someone not in it', () => {
    expect(whoIs('a', 'c')).toBe('A colleague')
    expect(whoIs('zzz', 'c', staff)).toBe('A colleague')
  })

  it('offers only active staff for assignment, yourself first', () => {
    expect(assignable(staff, 'c').map((m) => m.id)).toEqual(['c', 'a'])
    expect(assignable(undefined, 'c')).toEqual([])
  })
})
