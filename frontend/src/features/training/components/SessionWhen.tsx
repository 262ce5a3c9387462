import type { Schemas } from '../../../api/client'
import { formatDate, formatTime } from '../../../lib/format'

/** "20 January 2027, 10am to 1pm, Community room" for a training session. */
export function SessionWhen({ event }: { event: Pick<Schemas['EventOut'], 'starts_at' | 'ends_at' | 'venue' | 'is_online'> }) {
  const place = event.venue?.name ?? (event.is_online ? 'Online' : '')
  return (
    <>
      <time dateTime={event.starts_at}>
        {formatDate(event.starts_at)}, {formatTime(event.starts_at)} to {formatTime(event.ends_at)}
      </time>
      {place && `, ${place}`}
    </>
  )
}
