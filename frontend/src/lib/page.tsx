/** The area a screen is in, and page titles in the GOV.UK pattern. */
import { createContext, useContext, useEffect } from 'react'

export interface Area {
  /** "Fostering", "Carers' portal", "Staff workspace". */
  name: string
  /** The council's name once known. */
  council?: string | undefined
}

export const AreaContext = createContext<Area>({ name: 'Fostering' })

export function useArea(): Area {
  return useContext(AreaContext)
}

export const PRODUCT = 'Foster Hub'

export function pageTitle(page: string, area: Area, hasError = false): string {
  const parts = [page, area.name, area.council, PRODUCT].filter((part): part is string => Boolean(part))
  // No repeats, e.g. the area's home page named after the area.
  const unique = parts.filter((part, index) => parts.indexOf(part) === index)
  return `${hasError ? 'Error: ' : ''}${unique.join(' – ')}`
}

/** Sets `document.title`: "Page – Area – Council – Foster Hub", with "Error: " when a form fails. */
export function usePageTitle(page: string, options: { error?: boolean } = {}): void {
  const area = useArea()
  const title = pageTitle(page, area, options.error)
  useEffect(() => {
    document.title = title
  }, [title])
}
