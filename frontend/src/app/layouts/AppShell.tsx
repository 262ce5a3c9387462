import type { ReactNode } from 'react'
import { Footer } from '../../components/govuk/Footer'
import { Header } from '../../components/govuk/Header'
import { ServiceNavigation, type NavItem } from '../../components/govuk/ServiceNavigation'
import { SkipLink } from '../../components/govuk/SkipLink'
import { AreaContext, PRODUCT, type Area } from '../../lib/page'

interface AppShellProps {
  area: Area
  homeHref: string
  nav: readonly NavItem[]
  footerLinks?: readonly { to: string; text: string }[]
  children: ReactNode
}

/**
 * The page template every area shares: skip link, header with the council's name, the area's
 * navigation, the main content and the footer.
 */
export function AppShell({ area, homeHref, nav, footerLinks = [], children }: AppShellProps) {
  return (
    <AreaContext.Provider value={area}>
      <SkipLink />
      <Header homeHref={homeHref} organisation={area.council ?? PRODUCT} />
      <ServiceNavigation serviceName={area.name} serviceHref={homeHref} items={nav} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer links={[...footerLinks, { to: '/accessibility', text: 'Accessibility statement' }]}>
        <p className="govuk-body-s">
          {area.council ? `${area.council} fostering, on ${PRODUCT}` : PRODUCT}: open-source software for council fostering services.
        </p>
      </Footer>
    </AreaContext.Provider>
  )
}
