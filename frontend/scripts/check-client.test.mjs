// @vitest-environment node
import { expect, it } from 'vitest'
import { compareClient } from './check-client.mjs'

it('the committed client types are what openapi-typescript makes of the committed OpenAPI document', () => {
  const { same } = compareClient()
  expect(same, 'src/api/schema.d.ts is stale: run `make client`').toBe(true)
}, 30_000)
