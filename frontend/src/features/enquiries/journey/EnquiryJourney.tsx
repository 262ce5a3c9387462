/**
 * The enquiry journey's memory: the answers live in React state for as long as the public
 * site is open in this tab, never in web storage (they are personal data).
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Schemas } from '../../../api/client'
import {
  EMPTY_ANSWERS,
  fromLink,
  type Answers,
  type EnquiryBody,
  type FieldId,
  type JourneyErrors,
  type Source,
} from './answers'

export type Receipt = Schemas['EnquiryReceipt']

interface JourneyState {
  started: boolean
  answers: Answers
  source: Source
  /** Errors the API found when the enquiry was sent, waiting on their pages. */
  errors: JourneyErrors
  /** Councils suggested when nobody here covers the postcode. */
  nearest: Schemas['NearestCouncil'][]
  receipt: Receipt | null
}

export interface EnquiryJourney extends JourneyState {
  /** Starts (or resumes) the journey from the address the person arrived at. */
  begin: (params: URLSearchParams) => void
  update: (patch: Partial<Answers>) => void
  /** Clears the API's errors for fields the person has just answered again. */
  answered: (fields: readonly FieldId[]) => void
  failed: (errors: JourneyErrors, nearest: Schemas['NearestCouncil'][]) => void
  finish: (receipt: Receipt) => void
  /** The same body gets the same Idempotency-Key, so a double submit makes one enquiry. */
  idempotencyKey: (body: EnquiryBody) => string
}

const INITIAL: JourneyState = {
  started: false,
  answers: EMPTY_ANSWERS,
  source: fromLink(new URLSearchParams()).source,
  errors: {},
  nearest: [],
  receipt: null,
}

const Context = createContext<EnquiryJourney | null>(null)

export function EnquiryJourneyProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<JourneyState>(INITIAL)
  const lastKey = useRef<{ body: string; key: string } | null>(null)

  const begin = useCallback((params: URLSearchParams) => {
    const link = fromLink(params)
    setState((current) => {
      const fresh = !current.started || current.receipt !== null
      const answers = fresh ? EMPTY_ANSWERS : current.answers
      const hasLink = Boolean(link.council || link.source.campaignCode || link.source.linkReferralCode || link.source.eventId)
      return {
        ...(fresh ? INITIAL : current),
        started: true,
        receipt: null,
        source: hasLink || fresh ? link.source : current.source,
        answers: {
          ...answers,
          ...(link.council ? { council: link.council, councilFromLink: true } : {}),
          ...(link.source.campaignCode ? { campaignCode: link.source.campaignCode } : {}),
          ...(link.source.linkReferralCode ? { referralCode: link.source.linkReferralCode } : {}),
        },
      }
    })
  }, [])

  const update = useCallback((patch: Partial<Answers>) => {
    setState((current) => ({ ...current, answers: { ...current.answers, ...patch } }))
  }, [])

  const answered = useCallback((fields: readonly FieldId[]) => {
    setState((current) => {
      if (!fields.some((field) => current.errors[field])) return current
      const errors = { ...current.errors }
      for (const field of fields) delete errors[field]
      return { ...current, errors }
    })
  }, [])

  const failed = useCallback((errors: JourneyErrors, nearest: Schemas['NearestCouncil'][]) => {
    setState((current) => ({ ...current, errors, nearest }))
  }, [])

  const finish = useCallback((receipt: Receipt) => {
    lastKey.current = null
    setState({ ...INITIAL, receipt })
  }, [])

  const idempotencyKey = useCallback((body: EnquiryBody) => {
    const serialised = JSON.stringify(body)
    if (lastKey.current?.body !== serialised) lastKey.current = { body: serialised, key: crypto.randomUUID() }
    return lastKey.current.key
  }, [])

  const value = useMemo(
    () => ({ ...state, begin, update, answered, failed, finish, idempotencyKey }),
    [state, begin, update, answered, failed, finish, idempotencyKey],
  )
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useEnquiryJourney(): EnquiryJourney {
  const journey = useContext(Context)
  if (!journey) throw new Error('useEnquiryJourney needs an EnquiryJourneyProvider')
  return journey
}
