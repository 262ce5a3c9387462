import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/problems'
import {
  checkValues,
  describeTarget,
  errorsFromProblem,
  fieldForApi,
  fieldOrder,
  friendlyMessage,
  normaliseTime,
  retentionKeys,
  retentionSetting,
  toPatch,
  valuesOf,
  type CouncilSettings,
} from './settings'

const READ: CouncilSettings = {
  stage_targets: {
    initial_contact: { amount: 1, unit: 'working_days', from_stage: null },
    initial_visit: { amount: 5, unit: 'working_days', from_stage: null },
    panel: { amount: 8, unit: 'months', from_stage: 'application' },
  },
  referral_reward_pence: 50_000,
  office_hours: { weekdays: [0, 1, 2, 3, 4], opens: '09:00', closes: '17:00', out_of_hours_phone: null },
  retention: { closed_enquiry_years: 3, closed_application_years: 6, recontact_after_months: 6, failed_contact_attempts_before_no_response: 3 },
  fostering_types: ['emergency', 'short_term', 'long_term'],
}

function problem(status: number, body: object): ApiError {
  return new ApiError(new Response(null, { status }), { status, title: 'Problem', ...body })
}

describe('the settings form', () => {
  it('starts from the settings read: every stage, pounds, days, the clock where it is not the stage before', () => {
    const values = valuesOf(READ)
    expect(values.targets.initial_contact).toEqual({ amount: '1', unit: 'working_days', from: '' })
    expect(values.targets.assessment).toEqual({ amount: '', unit: 'months', from: '' })
    // Panel's clock starts at application, two stages back: kept.
    expect(values.targets.panel).toEqual({ amount: '8', unit: 'months', from: 'application' })
    expect(values.reward).toBe('500')
    expect(valuesOf({ ...READ, referral_reward_pence: 25_050 }).reward).toBe('250.50')
    expect(values.weekdays).toEqual(['0', '1', '2', '3', '4'])
    expect(values.retention).toEqual({
      failed_contact_attempts_before_no_response: '3',
      recontact_after_months: '6',
      closed_enquiry_years: '3',
      closed_application_years: '6',
    })
  })

  it('sends every stage target, so the set it replaces is the whole form', () => {
    const values = valuesOf(READ)
    values.targets.initial_visit.amount = ''
    values.targets.assessment = { amount: '4', unit: 'months', from: '' }
    const patch = toPatch(values, READ)
    expect(patch.stage_targets).toEqual({
      initial_contact: { amount: 1, unit: 'working_days', from_stage: null },
      assessment: { amount: 4, unit: 'months', from_stage: null },
      panel: { amount: 8, unit: 'months', from_stage: 'application' },
    })
    expect(patch.referral_reward_pence).toBe(50_000)
    expect(patch.fostering_types).toEqual(['emergency', 'short_term', 'long_term'])
  })

  it('keeps settings it does not know, and shows numeric ones as fields of their own', () => {
    const newer = {
      ...READ,
      retention: { ...READ.retention, unanswered_enquiry_days: 30 },
      office_hours: { ...READ.office_hours, lunch: '12:00' },
      fostering_types: ['emergency', 'unsure'],
    } as CouncilSettings
    expect(retentionKeys(newer)).toEqual([
      'failed_contact_attempts_before_no_response',
      'recontact_after_months',
      'closed_enquiry_years',
      'closed_application_years',
      'unanswered_enquiry_days',
    ])
    expect(retentionSetting('unanswered_enquiry_days')).toEqual({ label: 'Unanswered enquiry days', hint: 'A whole number of days', name: 'Unanswered enquiry days' })
    const values = valuesOf(newer)
    expect(values.retention.unanswered_enquiry_days).toBe('30')
    values.retention.unanswered_enquiry_days = '45'
    values.retention.recontact_after_months = '12'
    values.opens = '8:30'
    const patch = toPatch(values, newer)
    expect(patch.retention).toEqual({
      closed_enquiry_years: 3,
      closed_application_years: 6,
      recontact_after_months: 12,
      failed_contact_attempts_before_no_response: 3,
      unanswered_enquiry_days: 45,
    })
    expect(patch.office_hours).toEqual({ weekdays: [0, 1, 2, 3, 4], opens: '08:30', closes: '17:00', out_of_hours_phone: null, lunch: '12:00' })
    // "Not sure yet" is not offered on the form, and is not dropped by it.
    expect(patch.fostering_types).toEqual(['emergency', 'unsure'])
    expect(fieldOrder(values)).toContain('retention-unanswered-enquiry-days')
    // A setting the API has but the answer left out is not sent as anything.
    const older = { ...READ, retention: { closed_enquiry_years: 3, recontact_after_months: 6, failed_contact_attempts_before_no_response: 3 } } as CouncilSettings
    expect(Object.keys(toPatch(valuesOf(older), older).retention ?? {})).not.toContain('closed_application_years')
  })

  it('checks only what the API could not read; ranges are the API’s', () => {
    const values = valuesOf(READ)
    expect(checkValues(values)).toEqual({})
    values.targets.application.amount = 'six'
    values.retention.recontact_after_months = ''
    values.retention.closed_enquiry_years = '2.5'
    values.reward = '£5OO'
    values.weekdays = []
    values.opens = '25:00'
    values.fosteringTypes = []
    expect(checkValues(values)).toEqual({
      'target-application-amount': 'Time allowed to reach application (stage 1) must be a whole number, like 5',
      'retention-recontact-after-months': 'Enter the months before contacting people again',
      'retention-closed-enquiry-years': 'Years to keep closed enquiries that never reached an application must be a whole number, like 3',
      'referral-reward': 'Referral reward must be an amount of money, like 500 or 250.50',
      weekdays: 'Select the days the office is open',
      opens: 'Opening time must be a time on the 24-hour clock, like 09:00',
      'fostering-types': 'Select the kinds of fostering you recruit for',
    })
    // Out of range is for the API to say: 0 attempts is a whole number.
    expect(checkValues({ ...valuesOf(READ), retention: { ...valuesOf(READ).retention, failed_contact_attempts_before_no_response: '0' } })).toEqual({})
    expect(checkValues({ ...valuesOf(READ), opens: '17:00', closes: '09:00' })).toEqual({ closes: 'Closing time must be after the opening time' })
  })

  it('reads times on the 24-hour clock', () => {
    expect(normaliseTime('9:05')).toBe('09:05')
    expect(normaliseTime('17.30')).toBe('17:30')
    expect(normaliseTime('24:00')).toBeNull()
    expect(normaliseTime('noon')).toBeNull()
  })
})

describe('the API’s field errors on the form', () => {
  const retention = retentionKeys(READ)

  it('finds each API field’s form field', () => {
    expect(fieldForApi('stage_targets.panel.amount', 'x', retention)).toBe('target-panel-amount')
    expect(fieldForApi('body.stage_targets.initial_visit.unit', 'x', retention)).toBe('target-initial-visit-unit')
    expect(fieldForApi('stage_targets.assessment.from_stage', 'x', retention)).toBe('target-assessment-from')
    expect(fieldForApi('stage_targets', 'the clock for panel must start at an earlier stage', retention)).toBe('target-panel-from')
    expect(fieldForApi('retention.recontact_after_months', 'x', retention)).toBe('retention-recontact-after-months')
    expect(fieldForApi('retention.not_on_the_form', 'x', retention)).toBeNull()
    expect(fieldForApi('office_hours.weekdays.2', 'x', retention)).toBe('weekdays')
    expect(fieldForApi('office_hours.out_of_hours_phone', 'x', retention)).toBe('out-of-hours-phone')
    expect(fieldForApi('fostering_types.0', 'x', retention)).toBe('fostering-types')
    expect(fieldForApi('referral_reward_pence', 'x', retention)).toBe('referral-reward')
  })

  it('words pydantic’s messages the GOV.UK way, with pence as pounds', () => {
    expect(friendlyMessage('retention-failed-contact-attempts-before-no-response', 'Input should be greater than or equal to 1')).toBe('Failed contact attempts must be 1 or more')
    expect(friendlyMessage('referral-reward', 'Input should be less than or equal to 10000000')).toBe('Referral reward must be £100,000 or less')
    expect(friendlyMessage('target-panel-amount', 'Input should be less than or equal to 1000')).toBe('Time allowed to reach panel must be 1,000 or less')
    expect(friendlyMessage('out-of-hours-phone', 'String should have at most 32 characters')).toBe('Out-of-hours phone number must be 32 characters or fewer')
    expect(friendlyMessage('retention-closed-application-years', 'Input should be greater than or equal to 3')).toBe(
      'Years to keep closed enquiries that reached an application must be 3 or more',
    )
    expect(friendlyMessage('retention-unanswered-enquiry-days', 'Input should be greater than or equal to 1')).toBe('Unanswered enquiry days must be 1 or more')
    expect(friendlyMessage('opens', "String should match pattern '^([01]\\d|2[0-3]):[0-5]\\d$'")).toBe('Opening time must be a time on the 24-hour clock, like 09:00')
    expect(friendlyMessage('weekdays', 'Something the API says')).toBe('Something the API says')
  })

  it('puts each error on its field, the rest on the form', () => {
    const errors = errorsFromProblem(
      problem(422, {
        errors: [
          { field: 'retention.failed_contact_attempts_before_no_response', message: 'Input should be greater than or equal to 1' },
          { field: 'referral_reward_pence', message: 'Input should be less than or equal to 10000000' },
          { field: 'brand_colour', message: 'Unknown field' },
        ],
      }),
      retention,
    )
    expect(errors).toEqual({
      'retention-failed-contact-attempts-before-no-response': 'Failed contact attempts must be 1 or more',
      'referral-reward': 'Referral reward must be £100,000 or less',
      form: 'Unknown field',
    })
    expect(errorsFromProblem(problem(428, { detail: 'Send the ETag you read in an If-Match header.' }), retention)).toEqual({
      form: 'Send the ETag you read in an If-Match header.',
    })
    expect(errorsFromProblem(problem(403, {}), retention).form).toMatch(/administrators/)
    expect(errorsFromProblem(problem(500, {}), retention).form).toMatch(/could not be saved/)
  })

  it('reads a target for those who only see the settings', () => {
    expect(describeTarget('initial_contact', READ.stage_targets?.initial_contact)).toBe('1 working day, counted from new enquiry')
    expect(describeTarget('panel', READ.stage_targets?.panel)).toBe('8 months, counted from application (stage 1)')
    expect(describeTarget('approved', undefined)).toBe('No target')
  })
})
