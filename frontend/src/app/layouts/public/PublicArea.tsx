import { lazy, Suspense } from 'react'
import { Outlet, Route, Routes, useMatch, useParams } from 'react-router'
import { isApiError } from '../../../api/problems'
import type { NavItem } from '../../../components/govuk/ServiceNavigation'
import { SignedOutPage } from '../../../features/auth/routes/SignedOutPage'
import { SignInPage } from '../../../features/auth/routes/SignInPage'
import { SignOutPage } from '../../../features/auth/routes/SignOutPage'
import { useCouncil } from '../../../features/councils/api/get-council'
import { ChooseCouncilPage } from '../../../features/councils/routes/ChooseCouncilPage'
import { CouncilHomePage } from '../../../features/councils/routes/CouncilHomePage'
import { EnquirePage } from '../../../features/councils/routes/EnquirePage'
import { EnquiryJourneyProvider, useEnquiryJourney } from '../../../features/enquiries/journey/EnquiryJourney'
import { EnquireRoutes } from '../../../features/enquiries/public'
import { useAuth } from '../../../lib/auth/AuthProvider'
import { homeFor } from '../../../lib/auth/roles'
import { useBrand } from '../../../lib/brand'
import { AppShell } from '../AppShell'
import { LoadingPage, NotFoundPage } from '../StatusPages'
import { AccessibilityPage } from './AccessibilityPage'

export const PUBLIC_AREA = 'Fostering'

// The events pages are a chunk of their own, loaded on first visit: the entry stays lean.
const EventsPublicRoutes = lazy(() => import('../../../features/events/public-routes'))
const CouncilEventsRoutes = lazy(() =>
  import('../../../features/events/public-routes').then((m) => ({ default: m.CouncilEventsRoutes })),
)

function PublicNotFound() {
  return <NotFoundPage homeHref="/" homeText="fostering home page" />
}

/** A council's pages wait for the council; an unknown slug is a not-found page. */
function CouncilGate() {
  const { slug } = useParams()
  const council = useCouncil(slug)
  if (isApiError(council.error, 404)) return <PublicNotFound />
  if (council.isError) return <p className="govuk-body">Sorry, this page cannot be shown right now. Try again later.</p>
  if (!council.data) return <LoadingPage />
  return <Outlet />
}

/**
 * The public site: choosing a council, its fostering pages, the enquiry journey, and signing in
 * and out. The journey's answers are held here, so they last while the person moves around it.
 */
export function PublicArea() {
  return (
    <EnquiryJourneyProvider>
      <PublicLayout />
    </EnquiryJourneyProvider>
  )
}

function PublicLayout() {
  const councilPage = useMatch('/councils/:slug/*')?.params.slug
  const enquiring = useMatch('/enquire/*') !== null
  const journey = useEnquiryJourney()
  // On the enquiry's pages, the council the enquiry goes to (from the link, or the postcode).
  const slug = councilPage ?? (enquiring ? journey.answers.council || journey.receipt?.council || undefined : undefined)
  const council = useCouncil(slug)
  const { state } = useAuth()
  useBrand(council.data?.brand_colour)

  const nav: NavItem[] = council.data
    ? [
        { to: `/councils/${council.data.slug}`, text: 'About fostering', end: true },
        { to: `/councils/${council.data.slug}/events`, text: 'Events' },
        { to: `/councils/${council.data.slug}/enquire`, text: 'Enquire' },
        { to: '/', text: 'Change council', end: true },
      ]
    : [
        { to: '/', text: 'Choose your council', end: true },
        { to: '/events', text: 'Events' },
      ]
  if (state.status === 'signed-in') nav.push({ to: homeFor(state.me.roles), text: 'Your Foster Hub' })
  else if (state.status === 'anonymous') nav.push({ to: '/sign-in', text: 'Sign in' })

  return (
    <AppShell
      area={{ name: PUBLIC_AREA, council: council.data?.name }}
      homeHref={council.data ? `/councils/${council.data.slug}` : '/'}
      nav={nav}
    >
      <Routes>
        <Route index element={<ChooseCouncilPage />} />
        <Route path="councils/:slug" element={<CouncilGate />}>
          <Route index element={<CouncilHomePage />} />
          <Route path="enquire" element={<EnquirePage />} />
          <Route
            path="events/*"
            element={
              <Suspense fallback={<LoadingPage />}>
                <CouncilEventsRoutes notFound={<PublicNotFound />} />
              </Suspense>
            }
          />
          <Route path="*" element={<PublicNotFound />} />
        </Route>
        <Route path="enquire/*" element={<EnquireRoutes notFound={<PublicNotFound />} />} />
        <Route
          path="events/*"
          element={
            <Suspense fallback={<LoadingPage />}>
              <EventsPublicRoutes notFound={<PublicNotFound />} />
            </Suspense>
          }
        />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-out" element={<SignOutPage />} />
        <Route path="signed-out" element={<SignedOutPage />} />
        <Route path="accessibility" element={<AccessibilityPage />} />
        <Route path="*" element={<PublicNotFound />} />
      </Routes>
    </AppShell>
  )
}
