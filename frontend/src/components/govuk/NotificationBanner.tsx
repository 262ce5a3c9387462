import { NotificationBanner as GovukNotificationBanner } from 'govuk-frontend'
import { useId, type ReactNode } from 'react'
import { useGovukFrontend } from './useGovukFrontend'

interface NotificationBannerProps {
  type?: 'important' | 'success'
  title?: string
  heading?: ReactNode
  children?: ReactNode
}

/**
 * GOV.UK's notification banner. A success banner is a `role="alert"` that takes focus when it
 * mounts, as the library does for the outcome of something the person just did.
 */
export function NotificationBanner({ type = 'important', title, heading, children }: NotificationBannerProps) {
  const titleId = useId()
  const scope = useGovukFrontend<HTMLDivElement>([GovukNotificationBanner])
  const success = type === 'success'
  return (
    <div className="fh-scope" ref={scope}>
      <div
        className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
        role={success ? 'alert' : 'region'}
        aria-labelledby={titleId}
        data-module="govuk-notification-banner"
      >
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id={titleId}>
            {title ?? (success ? 'Success' : 'Important')}
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
          {children}
        </div>
      </div>
    </div>
  )
}
