/** Reports as CSV files: fetched with the bearer token (`Accept: text/csv`), then saved. */
import { ApiError } from '../../../api/problems'

export interface CsvFile {
  blob: Blob
  filename: string
}

/** The file name from `Content-Disposition: attachment; filename="..."`, or a fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallback
  // Only a plain file name: nothing that could be a path.
  return name.replace(/[/\\]/g, '-')
}

/** Unwraps an openapi-fetch call made with `parseAs: 'blob'` into a file, or throws an ApiError. */
export async function csvFile(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
): Promise<CsvFile> {
  const { data, error, response } = await call
  if (!response.ok || !data) throw new ApiError(response, error)
  return { blob: data, filename: filenameFrom(response.headers.get('Content-Disposition'), `${fallback}.csv`) }
}

/** Offers the file to the browser as a download. */
export function saveFile({ blob, filename }: CsvFile): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Let the download start before the address dies.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const CSV_HEADERS = { Accept: 'text/csv' } as const
