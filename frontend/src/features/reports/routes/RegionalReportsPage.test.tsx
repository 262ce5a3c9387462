import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { councilFunnel, regionalFunnel } from '../test-fixtures'
import { RegionalReportsPage } from './RegionalReportsPage'

const FUNNEL = '/api/v1/regions/liverpool-city-region/reports/funnel'

/** Answers the funnel (split when asked) and nothing else; records every request. */
function stubApi() {
  const requests: Request[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(request)
      const url = new URL(request.url)
      if (url.pathname !== FUNNEL) return new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), { status: 404 })
      if (request.headers.get('Accept') === 'text/csv') {
        return new Response('council,view\n', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="funnel.csv"' } })
      }
      const by = url.searchParams.get('by')
      const body =
        by === 'channel'
          ? regionalFunnel({
              by: 'channel',
              splits: [
                {
                  key: 'website',
                  councils: [councilFunnel('halton', 'Halton Borough Council', [12, 9, 'fewer than 5', 0, 0, 0, 0], 0)],
                  total: councilFunnel('total', 'Liverpool City Region', [40, 30, 'withheld', 'fewer than 5', 0, 0, 0], 0),
                },
              ],
            })
          : regionalFunnel()
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  return requests
}

function Address() {
  const location = useLocation()
  return <output data-testid="address">{location.search}</output>
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/staff/reports/regions/:slug"
            element={
              <>
                <RegionalReportsPage />
                <Address />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

const funnelRequests = (requests: Request[]) => requests.map((r) => new URL(r.url)).filter((u) => u.pathname === FUNNEL)

describe('the regional dashboard', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('explains “fewer than 5”, “withheld” and “not shown” once, in plain words', async () => {
    stubApi()
    renderAt('/staff/reports/regions/liverpool-city-region')
    await screen.findByRole('table', { name: 'How far enquiries got, by council' })
    const words = screen.getAllByRole('term').map((t) => t.textContent)
    expect(words).toEqual(['“fewer than 5”', '“withheld”', '“not shown”'])
    expect(screen.getByText(/a count from 1 to 4/)).toBeTruthy()
    expect(screen.getByText(/would let someone work out a count shown as “fewer than 5”/)).toBeTruthy()
  })

  it('splits the funnel by channel or referral only, asking the API with `by`', async () => {
    const requests = stubApi()
    renderAt('/staff/reports/regions/liverpool-city-region')
    const split = await screen.findByLabelText('Split the funnel by')
    expect(within(split).getAllByRole('option').map((o) => o.textContent)).toEqual(['Do not split', 'Channel', 'Referred or not'])
    fireEvent.change(split, { target: { value: 'channel' } })
    fireEvent.click(screen.getByRole('button', { name: 'Update reports' }))
    expect(await screen.findByRole('table', { name: 'Website: how far enquiries got, by council' })).toBeTruthy()
    expect(screen.getByTestId('address').textContent).toMatch(/by=channel/)
    expect(funnelRequests(requests).at(-1)?.searchParams.get('by')).toBe('channel')
    // The period is sent with it, as before.
    expect(funnelRequests(requests).at(-1)?.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('downloads the funnel’s CSV for the same query, its split included', async () => {
    const requests = stubApi()
    // jsdom has no object URLs; the file is only offered, never opened.
    const { createObjectURL, revokeObjectURL } = URL
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    onTestFinished(() => {
      URL.createObjectURL = createObjectURL
      URL.revokeObjectURL = revokeObjectURL
    })
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    renderAt('/staff/reports/regions/liverpool-city-region?from=2026-01-01&to=2026-06-30&by=referral')
    await screen.findByRole('table', { name: 'How far enquiries got, by council' })
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV of the regional recruitment funnel' }))
    await waitFor(() => expect(requests.some((r) => r.headers.get('Accept') === 'text/csv')).toBe(true))
    const csv = new URL(requests.find((r) => r.headers.get('Accept') === 'text/csv')!.url)
    expect(Object.fromEntries(csv.searchParams)).toEqual({ from: '2026-01-01', to: '2026-06-30', by: 'referral' })
    await waitFor(() => expect(saved).toEqual(['funnel.csv']))
  })

  it('ignores a split a region cannot take (campaign codes are councils’ own)', async () => {
    const requests = stubApi()
    renderAt('/staff/reports/regions/liverpool-city-region?by=campaign')
    await screen.findByRole('table', { name: 'How far enquiries got, by council' })
    expect(funnelRequests(requests).every((u) => !u.searchParams.has('by'))).toBe(true)
    expect((screen.getByLabelText('Split the funnel by') as HTMLSelectElement).value).toBe('')
  })
})
