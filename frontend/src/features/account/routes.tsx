import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { AccountPage } from './routes/AccountPage'
import { AuthenticatorPage } from './routes/AuthenticatorPage'
import { ChangePasswordPage } from './routes/ChangePasswordPage'

/** The account screens, mounted under an area (`/portal/account`, `/staff/account`). */
export function AccountRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<AccountPage />} />
      <Route path="password" element={<ChangePasswordPage />} />
      <Route path="authenticator" element={<AuthenticatorPage />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
