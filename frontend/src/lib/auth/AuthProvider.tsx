/** Who is signed in, for the whole app: sign in, sign out, and a session that ends. */
import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, type Schemas } from '../../api/client'
import { ApiError, unwrap } from '../../api/problems'
import { clearSession, hasSessionHint, onSessionEvent, refreshAccessToken, setAccessToken } from './session'

export type Me = Schemas['Me']

export type AuthState =
  | { status: 'checking' }
  | { status: 'anonymous'; ended?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; me: Me }

export interface SignInInput {
  email: string
  password: string
  otp?: string | undefined
}

interface AuthContextValue {
  state: AuthState
  /** Resolves with who signed in; rejects with an ApiError (e.g. type `otp-required`). */
  signIn: (input: SignInInput) => Promise<Me>
  signOut: () => Promise<void>
  /** Forgets the session locally, e.g. after a password change ended it on the server. */
  endSession: (reason: 'expired' | 'signed-out') => void
}

const AuthContext = createContext<AuthContextValue | null>(null)

async function fetchMe(): Promise<Me> {
  const { data } = await unwrap(api.GET('/api/v1/auth/me'))
  return data
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<AuthState>(() => (hasSessionHint() ? { status: 'checking' } : { status: 'anonymous' }))

  const endSession = useCallback(
    (reason: 'expired' | 'signed-out') => {
      clearSession()
      queryClient.clear()
      setState({ status: 'anonymous', ended: reason })
    },
    [queryClient],
  )

  // A page load starts with no token: resume the session through the refresh cookie.
  useEffect(() => {
    if (!hasSessionHint()) return
    let cancelled = false
    void (async () => {
      const token = await refreshAccessToken()
      const me = token ? await fetchMe().catch(() => null) : null
      if (cancelled) return
      if (me) setState({ status: 'signed-in', me })
      else {
        clearSession()
        setState({ status: 'anonymous' })
      }
    })()
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(
    () =>
      onSessionEvent((event) => {
        endSession(event === 'expired' ? 'expired' : 'signed-out')
      }),
    [endSession],
  )

  const signIn = useCallback(
    async (input: SignInInput) => {
      const { data } = await unwrap(
        api.POST('/api/v1/auth/login', {
          body: { email: input.email, password: input.password, ...(input.otp ? { otp: input.otp } : {}) },
        }),
      )
      setAccessToken(data.access_token)
      queryClient.clear()
      const me = await fetchMe()
      setState({ status: 'signed-in', me })
      return me
    },
    [queryClient],
  )

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/v1/auth/logout'))
    } catch (error) {
      // Already ended on the server (401): signing out here is all that is left to do.
      if (!(error instanceof ApiError)) throw error
    }
    endSession('signed-out')
  }, [endSession])

  const value = useMemo(() => ({ state, signIn, signOut, endSession }), [state, signIn, signOut, endSession])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it')
  return value
}

/** The signed-in person, for screens behind a guard. */
export function useMe(): Me {
  const { state } = useAuth()
  if (state.status !== 'signed-in') throw new Error('useMe() is for screens behind <RequireRole>')
  return state.me
}
