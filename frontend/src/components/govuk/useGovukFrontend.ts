/** Initialises GOV.UK Frontend's JavaScript once per mounted subtree. */
import { createAll, type GovukComponentClass } from 'govuk-frontend'
import { useEffect, useRef, type RefObject } from 'react'

function isAlreadyInitialised(error: unknown): boolean {
  return error instanceof Error && error.name === 'InitError'
}

/**
 * Returns a ref for the subtree's root. When that element mounts, each component class is
 * created for the `[data-module]` elements inside it with `createAll(Component, config,
 * {scope})`. The effect runs on mount only, so React re-renders never initialise again; and
 * GOV.UK Frontend marks what it has initialised, so a second mount of the same DOM (React's
 * StrictMode does that in development) is refused by the library and ignored here.
 */
export function useGovukFrontend<T extends HTMLElement>(
  components: readonly GovukComponentClass[],
  config?: object,
): RefObject<T | null> {
  const ref = useRef<T>(null)
  useEffect(() => {
    const scope = ref.current
    if (!scope) return
    for (const component of components) {
      createAll(component, config, {
        scope,
        onError: (error) => {
          if (!isAlreadyInitialised(error)) console.error(error)
        },
      })
    }
    // Mount only, by design: see above.
  }, [])
  return ref
}
