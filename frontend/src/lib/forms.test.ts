import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/problems'
import { errorsFromApi, summaryOf } from './forms'

function problem(status: number, body: object): ApiError {
  return new ApiError(new Response(null, { status }), { status, title: 'Problem', type: 'https://fosterhub.org.uk/problems/validation', ...body })
}

describe('form errors from the API', () => {
  it('puts field errors on the form’s fields, nested names included', () => {
    const error = problem(422, {
      errors: [
        { field: 'new_password', message: 'Too short' },
        { field: 'roles.0', message: 'Not a role' },
      ],
    })
    expect(errorsFromApi(error, { new_password: 'new-password', roles: 'roles' })).toEqual({ 'new-password': 'Too short', roles: 'Not a role' })
  })

  it('makes a problem without fields a message for the whole form', () => {
    expect(errorsFromApi(problem(409, { detail: 'Already there' }), {})).toEqual({ form: 'Already there' })
    expect(errorsFromApi(new TypeError('offline'), {}).form).toMatch(/problem with the service/)
  })

  it('lists the summary in the order of the form, linking to each field', () => {
    expect(summaryOf({ roles: 'Pick one', email: 'Enter email', form: 'Oops' }, ['email', 'roles'])).toEqual([
      { text: 'Oops' },
      { href: 'email', text: 'Enter email' },
      { href: 'roles', text: 'Pick one' },
    ])
  })
})
