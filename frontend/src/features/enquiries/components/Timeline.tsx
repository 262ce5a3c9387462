import type { Schemas } from '../../../api/client'
import { useMe } from '../../../lib/auth/AuthProvider'
import { formatDateTime } from '../../../lib/format'
import { stageName } from '../../../lib/vocabulary'
import { useStaff } from '../api/list-staff'
import { whoIs } from './people'

type Entry = Schemas['TimelineEntry']

function title(entry: Entry): string {
  const detail = entry.detail as Record<string, unknown>
  if (entry.kind === 'transition') {
    if (!detail.from) return 'Enquiry received'
    return `Moved to ${stageName(String(detail.to))}`
  }
  return entry.summary
}

function body(entry: Entry): string | null {
  const detail = entry.detail as Record<string, unknown>
  if (entry.kind === 'note') return typeof detail.body === 'string' ? detail.body : null
  const parts = [entry.kind === 'transition' && entry.summary.includes(': ') ? entry.summary.split(': ').slice(1).join(': ') : null, typeof detail.note === 'string' ? detail.note : null]
  const text = parts.filter(Boolean).join('. ')
  return text || null
}

/** The enquiry's history, newest first: moves with their reasons, contact attempts, notes. */
export function Timeline({ entries }: { entries: readonly Entry[] }) {
  const me = useMe()
  const staff = useStaff()
  if (!entries.length) return <p className="govuk-body">Nothing has happened yet.</p>
  return (
    <ol className="govuk-list fh-timeline">
      {[...entries].reverse().map((entry, index) => {
        const text = body(entry)
        return (
          <li key={`${entry.kind}:${entry.at}:${index}`} className="fh-timeline__item">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{title(entry)}</h3>
            <p className="govuk-body-s fh-timeline__meta">
              {formatDateTime(entry.at)}
              {entry.actor_id ? `, by ${entry.actor_id === me.id ? 'you' : whoIs(entry.actor_id, me.id, staff.data)}` : ''}
            </p>
            {text && <p className="govuk-body fh-timeline__text">{text}</p>}
          </li>
        )
      })}
    </ol>
  )
}
