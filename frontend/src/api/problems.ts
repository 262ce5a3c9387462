/** RFC 9457 problems, the API's one error shape, and what the screens do with them. */
import type { Schemas } from './client'

export type Problem = Schemas['Problem']
export type FieldError = Schemas['FieldError']

const PROBLEM_BASE = 'https://fosterhub.org.uk/problems/'

/** A failed API call. Screens read `problem` (typed) and `status`. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  readonly retryAfter: string | null

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : null
    super(problem?.detail ?? problem?.title ?? `The request failed (${response.status})`)
    this.name = 'ApiError'
    this.status = response.status
    this.problem = problem
    this.retryAfter = response.headers.get('Retry-After')
  }

  /** The problem type without its base URL, e.g. `otp-required`. */
  get type(): string | null {
    const type = this.problem?.type
    return type ? type.replace(PROBLEM_BASE, '') : null
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? []
  }
}

export function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    'status' in body &&
    typeof body.status === 'number' &&
    'title' in body &&
    typeof body.title === 'string'
  )
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError thrown for TanStack Query and the
 * forms to handle. `response` is returned too, for headers such as ETag.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call
  if (!response.ok) throw new ApiError(response, error)
  return { data: data as T, response }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status)
}
