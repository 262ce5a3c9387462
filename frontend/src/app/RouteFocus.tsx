import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'

/**
 * After moving to another page, focus goes back to the top of the document (the next Tab
 * reaches the skip link, as on a full page load) and screen readers hear the new title.
 */
export function RouteFocus() {
  const { pathname } = useLocation()
  const target = useRef<HTMLDivElement>(null)
  const first = useRef(true)
  const [announcement, setAnnouncement] = useState('')
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    target.current?.focus({ preventScroll: true })
    window.scrollTo(0, 0)
    // Titles are set by the new page's effects: read them once they have run.
    const timer = window.setTimeout(() => setAnnouncement(document.title), 100)
    return () => window.clearTimeout(timer)
  }, [pathname])
  return (
    <>
      <div ref={target} tabIndex={-1} className="fh-route-focus" />
      <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  )
}
