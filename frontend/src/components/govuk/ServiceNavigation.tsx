import { ServiceNavigation as GovukServiceNavigation } from 'govuk-frontend'
import { Link, useLocation } from 'react-router'
import { useGovukFrontend } from './useGovukFrontend'

export interface NavItem {
  to: string
  text: string
  /** Exact match only (for an area's home), instead of also matching pages below it. */
  end?: boolean
}

function isActive(pathname: string, item: NavItem): boolean {
  if (item.end) return pathname === item.to || pathname === `${item.to}/`
  return pathname === item.to || pathname.startsWith(`${item.to}/`)
}

/** GOV.UK's service navigation: the area's name and its main links. */
export function ServiceNavigation({
  serviceName,
  serviceHref,
  items,
  label = 'Menu',
}: {
  serviceName: string
  serviceHref: string
  items: readonly NavItem[]
  label?: string
}) {
  const { pathname } = useLocation()
  const scope = useGovukFrontend<HTMLDivElement>([GovukServiceNavigation])
  return (
    <div className="fh-scope" ref={scope}>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to={serviceHref} className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            </span>
            {items.length > 0 && (
              <nav aria-label={label} className="govuk-service-navigation__wrapper">
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                  aria-hidden="true"
                >
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {items.map((item) => {
                    const active = isActive(pathname, item)
                    return (
                      <li
                        key={item.to}
                        className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                      >
                        <Link className="govuk-service-navigation__link" to={item.to} aria-current={active ? 'page' : undefined}>
                          {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                        </Link>
                      </li>
                    )
                  })}
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
    </div>
  )
}
