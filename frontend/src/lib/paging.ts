/**
 * Cursor pagination: the API gives only the next page's cursor, so the cursors of the pages
 * before this one are kept as a stack in the history entry's state, and "Previous" pops it.
 * The current cursor lives in the address (`?cursor=`), so a page can be shared or reloaded.
 */
import type { To } from 'react-router'

export interface PagingState {
  /** Cursors of the earlier pages, oldest first; '' is the first page (no cursor). */
  previous?: string[]
}

export interface PageLink {
  to: To
  state: PagingState
}

export function previousCursors(state: unknown): string[] {
  const previous = (state as PagingState | null)?.previous
  return Array.isArray(previous) ? previous.filter((c): c is string => typeof c === 'string') : []
}

function linkTo(params: URLSearchParams, cursor: string | null, stack: string[]): PageLink {
  const next = new URLSearchParams(params)
  if (cursor) next.set('cursor', cursor)
  else next.delete('cursor')
  return { to: { search: next.toString() }, state: { previous: stack } }
}

/**
 * The "Previous" and "Next" links for the page shown. `params` are the address's search
 * parameters (filters and `cursor`), `stack` the earlier pages' cursors, `nextCursor` the API's.
 */
export function pageLinks(
  params: URLSearchParams,
  stack: readonly string[],
  nextCursor: string | null | undefined,
): { previous: PageLink | null; next: PageLink | null } {
  const current = params.get('cursor')
  const previous = current ? linkTo(params, stack.at(-1) || null, stack.slice(0, -1)) : null
  const next = nextCursor ? linkTo(params, nextCursor, [...stack, current ?? '']) : null
  return { previous, next }
}
