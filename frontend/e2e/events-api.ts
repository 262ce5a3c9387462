/**
 * Set-up through the API for the events and training journeys: staff tokens, events, courses;
 * and, from the e2e server's own database, what only email carries and the postcode data.
 */
import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PASSWORD } from './support'

export async function tokenFor(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const login = await request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } })
  expect(login.status(), await login.text()).toBe(200)
  const { access_token } = (await login.json()) as { access_token: string }
  return { Authorization: `Bearer ${access_token}` }
}

export interface CreatedEvent {
  id: string
  title: string
  starts_at: string
}

/** A published event; `startsInMs` from now (London time is the API's business). */
export async function createEvent(
  request: APIRequestContext,
  headers: Record<string, string>,
  body: Record<string, unknown> & { title: string },
  startsInMs = 3 * 24 * 3600_000,
  lastsMs = 2 * 3600_000,
): Promise<CreatedEvent> {
  const starts = new Date(Date.now() + startsInMs)
  const ends = new Date(starts.getTime() + lastsMs)
  const response = await request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'information_evening',
      audience: 'public',
      starts_at: starts.toISOString(),
      ends_at: ends.toISOString(),
      venue: { name: 'Community room', address: '1 Church St, Liverpool', postcode: 'L1 1DA' },
      status: 'published',
      ...body,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as CreatedEvent
}

export async function registerFor(request: APIRequestContext, eventId: string, name: string, email: string): Promise<string> {
  const response = await request.post(`/api/v1/events/${eventId}/registrations`, { data: { name, email } })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { status: string }).status
}

export async function createCourse(
  request: APIRequestContext,
  headers: Record<string, string>,
  body: { name: string; is_tsd?: boolean; valid_for_months?: number },
): Promise<string> {
  const response = await request.post('/api/v1/training/courses', { headers, data: body })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** A name no other test run uses, so journeys running side by side do not meet. */
export function unique(prefix: string): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 7)}`
}

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../.venv/bin')

/** The e2e server's SQLite file: scripts/e2e-server.sh writes where it is, one file per port. */
function e2eDatabase(): string {
  const port = Number(process.env.E2E_PORT ?? 8765)
  return readFileSync(join(tmpdir(), `fosterhub-e2e-${port}.database`), 'utf8').trim()
}

export interface Email {
  to: string
  subject: string
  body: string
}

// Read-only: the server is writing to the same file.
const READ_EMAILS = `
import json, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("SELECT payload FROM outbox_message WHERE kind = 'email' ORDER BY created_at, id")
print(json.dumps([m for m in (json.loads(p) for (p,) in rows) if m["to"] == sys.argv[2]]))
`

/** The emails queued for `address`, oldest first: the e2e server runs no worker, so they wait in its outbox. */
export function emailsTo(address: string): Email[] {
  const out = execFileSync(join(BIN, 'python'), ['-c', READ_EMAILS, e2eDatabase(), address.toLowerCase()], {
    encoding: 'utf8',
  })
  return JSON.parse(out) as Email[]
}

/**
 * The cancellation link (path and query) in the confirmation emailed to `address` for the event
 * `title`. Only the token's hash is stored, so the email is the one place the link is.
 */
export function cancellationLink(address: string, title: string): string {
  const confirmation = emailsTo(address).find((m) => [`Your place: ${title}`, `Waiting list: ${title}`].includes(m.subject))
  expect(confirmation, `a confirmation to ${address} for ${title}`).toBeDefined()
  const link = /https?:\/\/\S+\/events\/registrations\/cancel\?token=[\w-]+/.exec(confirmation?.body ?? '')?.[0]
  expect(link, 'a cancellation link in the confirmation').toBeDefined()
  const url = new URL(link ?? '')
  return `${url.pathname}${url.search}`
}

/**
 * Loads postcode rows (`pcds,oslaua,lat,long,doterm`, the ONS directory's columns) into the e2e
 * server with `fosterhub import-postcodes`, as an operator would.
 */
export function importPostcodes(rows: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'fosterhub-postcodes-'))
  try {
    const file = join(dir, 'postcodes.csv')
    writeFileSync(file, ['pcds,oslaua,lat,long,doterm', ...rows, ''].join('\n'))
    execFileSync(join(BIN, 'fosterhub'), ['import-postcodes', file], {
      cwd: dir, // no stray .env from the repository
      env: { ...process.env, DATABASE_URL: `sqlite+aiosqlite:///${e2eDatabase()}`, ENVIRONMENT: 'development', LOG_LEVEL: 'WARNING' },
      encoding: 'utf8',
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
