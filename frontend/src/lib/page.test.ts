import { describe, expect, it } from 'vitest'
import { pageTitle } from './page'

describe('page titles in the GOV.UK pattern', () => {
  it('reads page, area, council, product', () => {
    expect(pageTitle('Users', { name: 'Staff workspace', council: 'Liverpool City Council' })).toBe(
      'Users – Staff workspace – Liverpool City Council – Foster Hub',
    )
  })
  it('starts with Error: when a form has errors, and leaves out what is not known', () => {
    expect(pageTitle('Sign in', { name: 'Fostering' }, true)).toBe('Error: Sign in – Fostering – Foster Hub')
  })
  it('does not repeat a part', () => {
    expect(pageTitle('Fostering', { name: 'Fostering', council: 'Wirral Council' })).toBe('Fostering – Wirral Council – Foster Hub')
  })
})
