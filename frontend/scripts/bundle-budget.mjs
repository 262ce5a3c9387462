#!/usr/bin/env node
// Prints the size of every JavaScript chunk the build made, and the public area's total: the
// entry chunk and everything it imports statically, which is what a visitor to the public site
// downloads. The portal and staff areas are dynamic imports, so they do not count.
// With --check, exits 1 when the public area is over budget.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const BUDGET_BYTES = 150 * 1024

/** Files (JS) loaded by an entry: the entry and its static imports, transitively. */
export function staticClosure(manifest, entryKey) {
  const seen = new Set()
  const files = []
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`manifest has no chunk ${key}`)
    if (chunk.file.endsWith('.js')) files.push(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(entryKey)
  return files
}

export function entryKeys(manifest) {
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => key)
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'))
  const gz = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length
  const publicFiles = new Set(entryKeys(manifest).flatMap((key) => staticClosure(manifest, key)))
  const chunks = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'))

  console.log('JavaScript chunks (gzipped):')
  for (const file of chunks.sort()) {
    console.log(`  ${publicFiles.has(file) ? 'public ' : 'lazy   '} ${kb(gz(file)).padStart(9)}  ${file}`)
  }
  const total = [...publicFiles].reduce((sum, file) => sum + gz(file), 0)
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER'
  console.log(`Public area JavaScript: ${kb(total)} gzipped, ${verdict} the ${kb(BUDGET_BYTES)} budget.`)
  if (process.argv.includes('--check') && total > BUDGET_BYTES) process.exit(1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
