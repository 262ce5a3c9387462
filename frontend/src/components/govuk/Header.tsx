import { Link } from 'react-router'

/**
 * The header: GOV.UK's generic header (no crown, no GOV.UK logotype) with the council's name.
 * Its background is the council's brand colour, a CSS custom property set by lib/brand.
 */
export function Header({ homeHref, organisation, product = 'Foster Hub' }: { homeHref: string; organisation: string; product?: string }) {
  return (
    <header className="govuk-generic-header fh-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <Link to={homeHref} className="govuk-generic-header__homepage-link">
            {organisation}
            {organisation !== product && <span className="fh-header__product">{product}</span>}
          </Link>
        </div>
      </div>
    </header>
  )
}
