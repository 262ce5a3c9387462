import { describe, expect, it } from 'vitest'
import { pageLinks, previousCursors } from './paging'

const search = (link: { to: unknown } | null) => new URLSearchParams((link?.to as { search: string }).search)

describe('the cursor stack', () => {
  it('has only "Next" on the first page, remembering the first page', () => {
    const links = pageLinks(new URLSearchParams('stage=panel'), [], 'c2')
    expect(links.previous).toBeNull()
    expect(search(links.next).get('cursor')).toBe('c2')
    expect(search(links.next).get('stage')).toBe('panel')
    expect(links.next?.state).toEqual({ previous: [''] })
  })

  it('goes forward pushing the current cursor, and back popping it', () => {
    const third = pageLinks(new URLSearchParams('cursor=c3&q=lee'), ['', 'c2'], 'c4')
    expect(third.next?.state).toEqual({ previous: ['', 'c2', 'c3'] })
    expect(search(third.previous).get('cursor')).toBe('c2')
    expect(search(third.previous).get('q')).toBe('lee')
    expect(third.previous?.state).toEqual({ previous: [''] })

    const second = pageLinks(new URLSearchParams('cursor=c2'), [''], 'c3')
    expect(search(second.previous).has('cursor')).toBe(false)
    expect(second.previous?.state).toEqual({ previous: [] })
  })

  it('has no "Next" on the last page', () => {
    expect(pageLinks(new URLSearchParams('cursor=c9'), ['', 'c8'], null).next).toBeNull()
  })

  it('falls back to the first page when a shared link has no stack', () => {
    const links = pageLinks(new URLSearchParams('cursor=c5'), [], null)
    expect(search(links.previous).has('cursor')).toBe(false)
  })

  it('reads the stack from history state defensively', () => {
    expect(previousCursors(null)).toEqual([])
    expect(previousCursors({ previous: ['', 'a', 3] })).toEqual(['', 'a'])
    expect(previousCursors({ previous: 'nope' })).toEqual([])
  })
})
