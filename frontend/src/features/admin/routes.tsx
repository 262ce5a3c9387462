import type { ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { DeactivateUserPage } from './routes/DeactivateUserPage'
import { NewUserPage } from './routes/NewUserPage'
import { UserPage } from './routes/UserPage'
import { UsersPage } from './routes/UsersPage'

export { CouncilSettingsPage } from './routes/CouncilSettingsPage'

/** The council's users (admins), mounted at `/staff/users`. */
export function UsersRoutes({ notFound }: { notFound: ReactNode }) {
  return (
    <Routes>
      <Route index element={<UsersPage />} />
      <Route path="new" element={<NewUserPage />} />
      <Route path=":userId" element={<UserPage notFound={notFound} />} />
      <Route path=":userId/deactivate" element={<DeactivateUserPage notFound={notFound} />} />
      <Route path="*" element={notFound} />
    </Routes>
  )
}
