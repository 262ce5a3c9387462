import { render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppRoutes } from './App'
import { makeQueryClient, Providers } from './providers'

function stubApi(routes: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      const path = new URL(input.url).pathname
      const body = routes[path]
      return body === undefined
        ? new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), { status: 404 })
        : new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
}

function renderAt(path: string) {
  return render(
    <Providers queryClient={makeQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  )
}

describe('the app', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends someone who is not signed in from a staff page to sign in', async () => {
    stubApi({})
    renderAt('/staff/users')
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy()
    expect(document.title).toBe('Sign in – Fostering – Foster Hub')
  })

  it('lists the councils on the public home page, with a skip link and the page title', async () => {
    stubApi({ '/api/v1/councils': { items: [{ slug: 'wirral', name: 'Wirral Council', region: null }], next_cursor: null } })
    renderAt('/')
    expect(await screen.findByRole('link', { name: 'Wirral Council' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main-content')
    expect(document.title).toBe('Foster with your local council – Fostering – Foster Hub')
  })

  it('has a not-found page', async () => {
    stubApi({})
    renderAt('/nowhere')
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy()
  })
})
