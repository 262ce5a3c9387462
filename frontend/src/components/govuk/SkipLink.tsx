import { SkipLink as GovukSkipLink } from 'govuk-frontend'
import { useGovukFrontend } from './useGovukFrontend'

export function SkipLink({ href = '#main-content', children = 'Skip to main content' }: { href?: string; children?: string }) {
  const scope = useGovukFrontend<HTMLDivElement>([GovukSkipLink])
  return (
    <div className="fh-scope" ref={scope}>
      <a href={href} className="govuk-skip-link" data-module="govuk-skip-link">
        {children}
      </a>
    </div>
  )
}
