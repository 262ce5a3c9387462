#!/usr/bin/env node
// Checks that src/api/schema.d.ts is exactly what openapi-typescript makes of src/api/openapi.json.
// (The backend's tests check that openapi.json is what the API serves: together, the typed
// client cannot drift from the API.) `make client` regenerates both.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const frontend = join(dirname(fileURLToPath(import.meta.url)), '..')

export function compareClient() {
  const work = mkdtempSync(join(tmpdir(), 'fosterhub-client-'))
  try {
    const out = join(work, 'schema.d.ts')
    execFileSync(join(frontend, 'node_modules', '.bin', 'openapi-typescript'), ['src/api/openapi.json', '-o', out, '--default-non-nullable', 'false'], {
      cwd: frontend,
      stdio: 'pipe',
    })
    const expected = readFileSync(out, 'utf8')
    const committed = readFileSync(join(frontend, 'src', 'api', 'schema.d.ts'), 'utf8')
    return { same: expected === committed, expected, committed }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { same } = compareClient()
  if (!same) {
    console.error('src/api/schema.d.ts is not what openapi-typescript makes of src/api/openapi.json: run `make client`.')
    process.exit(1)
  }
  console.log('The typed client matches the OpenAPI document.')
}
