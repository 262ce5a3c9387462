// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { entryKeys, staticClosure } from './bundle-budget.mjs'

describe('which chunks count against the public budget', () => {
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/staff.tsx'], css: ['assets/index.css'] },
    '_shared.js': { file: 'assets/shared.js', imports: ['_runtime.js'] },
    '_runtime.js': { file: 'assets/runtime.js' },
    'src/staff.tsx': { file: 'assets/staff.js', isDynamicEntry: true, imports: ['_shared.js', '_qr.js'] },
    '_qr.js': { file: 'assets/qr.js' },
    'style.css': { file: 'assets/index.css' },
  }

  it('counts the entry and its static imports, transitively, and not the lazy areas', () => {
    expect(entryKeys(manifest)).toEqual(['index.html'])
    expect(staticClosure(manifest, 'index.html').sort()).toEqual(['assets/index.js', 'assets/runtime.js', 'assets/shared.js'])
  })
})
