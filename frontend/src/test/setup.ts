import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// What main.tsx does in the browser: GOV.UK Frontend only initialises where it is supported.
if (typeof document !== 'undefined') {
  document.body.classList.add('govuk-frontend-supported')
  // The service navigation reads its breakpoint from GOV.UK Frontend's CSS, which tests do not load.
  document.documentElement.style.setProperty('--govuk-breakpoint-tablet', '40.0625rem')
  // jsdom has no matchMedia; the service navigation asks it whether the screen is narrow.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) satisfies MediaQueryList
}

afterEach(() => {
  if (typeof document === 'undefined') return
  cleanup()
  localStorage.clear()
})
