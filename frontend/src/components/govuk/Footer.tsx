import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** GOV.UK's footer without the crown or the Open Government Licence: this is a council's service. */
export function Footer({ links, children }: { links: readonly { to: string; text: string }[]; children?: ReactNode }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              {links.map((link) => (
                <li key={link.to} className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to={link.to}>
                    {link.text}
                  </Link>
                </li>
              ))}
            </ul>
            {children}
          </div>
        </div>
      </div>
    </footer>
  )
}
