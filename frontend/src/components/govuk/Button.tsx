import { Button as GovukButton } from 'govuk-frontend'
import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { Link } from 'react-router'
import { useGovukFrontend } from './useGovukFrontend'

type Variant = 'primary' | 'secondary' | 'warning'

function classes(variant: Variant, extra?: string): string {
  return ['govuk-button', variant !== 'primary' && `govuk-button--${variant}`, extra]
    .filter(Boolean)
    .join(' ')
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  preventDoubleClick?: boolean
  children: ReactNode
}

/** A GOV.UK button. Submits its form unless `type` says otherwise. */
export function Button({
  variant = 'primary',
  preventDoubleClick = false,
  className,
  type = 'submit',
  children,
  ...rest
}: ButtonProps) {
  const scope = useGovukFrontend<HTMLSpanElement>([GovukButton])
  return (
    <span className="fh-scope" ref={scope}>
      <button
        type={type}
        className={classes(variant, className)}
        data-module="govuk-button"
        data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
        {...rest}
      >
        {children}
      </button>
    </span>
  )
}

interface ButtonLinkProps {
  to: string
  variant?: Variant
  start?: boolean
  children: ReactNode
}

/** A link that looks like a button, for moving to another page. */
export function ButtonLink({ to, variant = 'primary', start = false, children }: ButtonLinkProps) {
  const scope = useGovukFrontend<HTMLSpanElement>([GovukButton])
  return (
    <span className="fh-scope" ref={scope}>
      <Link
        to={to}
        role="button"
        draggable="false"
        className={classes(variant, start ? 'govuk-button--start' : undefined)}
        data-module="govuk-button"
      >
        {children}
        {start && (
          <svg
            className="govuk-button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        )}
      </Link>
    </span>
  )
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>
}
