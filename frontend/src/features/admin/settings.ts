/**
 * A council's settings as a form: the API's `CouncilSettings` as the fields an administrator
 * edits, those fields checked and turned back into a `PATCH` body, and the API's field errors
 * (`stage_targets.panel.amount`, `retention.recontact_after_months`) placed on the fields.
 *
 * The PATCH replaces each object it is given whole (every stage target, all of `retention`,
 * all of `office_hours`), so the body always carries the whole object: every stage's target
 * from the form, and the settings read with the form's values laid over them, so a setting
 * this screen does not know (one the API gained since) is sent back as it was. Numeric
 * retention settings the screen does not know are shown as fields of their own.
 */
import type { Schemas } from '../../api/client'
import { ApiError } from '../../api/problems'
import { FOSTERING_TYPES, type FosteringType } from '../../lib/format'
import type { FormErrors } from '../../lib/forms'
import { formatPence, parsePounds } from '../../lib/money'
import { stageName } from '../../lib/vocabulary'

export type CouncilSettings = Schemas['CouncilSettings']
export type CouncilSettingsPatch = Schemas['CouncilSettingsPatch']
export type StageTarget = Schemas['StageTarget']
export type TargetUnit = StageTarget['unit']

/** The stages a target may name (the API refuses others), in the pipeline's order. */
export const TARGET_STAGES = ['initial_contact', 'initial_visit', 'application', 'assessment', 'panel', 'approved'] as const
export type TargetStage = (typeof TARGET_STAGES)[number]
/** Where a target's clock may start: any stage before the one it is for. */
const PIPELINE = ['enquiry', ...TARGET_STAGES] as const

export const UNITS: Record<TargetUnit, { one: string; many: string }> = {
  working_days: { one: 'working day', many: 'working days' },
  calendar_days: { one: 'calendar day', many: 'calendar days' },
  months: { one: 'month', many: 'months' },
}
const UNIT_ORDER: readonly TargetUnit[] = ['working_days', 'calendar_days', 'months']

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
export const RECRUITED_TYPES = (Object.keys(FOSTERING_TYPES) as FosteringType[]).filter((type) => type !== 'unsure')

interface NumberSetting {
  label: string
  hint?: string
  /** How an error names it: "Failed contact attempts must be 1 or more". */
  name: string
}

/** The retention settings this screen has words for; the contact ones are shown under contacting people. */
export const RETENTION_SETTINGS: Record<string, NumberSetting> = {
  failed_contact_attempts_before_no_response: {
    label: 'Failed contact attempts before closing as no response is offered',
    hint: 'Tries that did not reach the person: no answer, a message left, a wrong number or an email that bounced.',
    name: 'Failed contact attempts',
  },
  recontact_after_months: {
    label: 'Months before contacting people again',
    hint: 'People who withdrew or did not respond, and agreed to hear from you, are listed to contact again this many months after their enquiry closed.',
    name: 'Months before contacting people again',
  },
  closed_enquiry_years: {
    label: 'Years to keep closed enquiries that never reached an application',
    hint: 'They are deleted this many years after they closed. Their anonymous counts stay in reports.',
    name: 'Years to keep closed enquiries that never reached an application',
  },
  closed_application_years: {
    label: 'Years to keep closed enquiries that reached an application',
    hint: 'Those that were not approved are deleted this many years after they closed. The Fostering Services Regulations ask for at least 3.',
    name: 'Years to keep closed enquiries that reached an application',
  },
}
export const CONTACT_SETTINGS = ['failed_contact_attempts_before_no_response', 'recontact_after_months'] as const

/** "closed_application_years" → "Closed application years": the words for a setting the screen does not know yet. */
export function humanise(key: string): string {
  const words = key.replace(/_/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Words for any retention setting, known or new. */
export function retentionSetting(key: string): NumberSetting {
  const known = RETENTION_SETTINGS[key]
  if (known) return known
  const unit = key.endsWith('_years') ? 'years' : key.endsWith('_months') ? 'months' : key.endsWith('_days') ? 'days' : null
  return { label: humanise(key), hint: unit ? `A whole number of ${unit}` : 'A whole number', name: humanise(key) }
}

/** Every numeric retention setting in the answer: the known ones first, then any the API has gained. */
export function retentionKeys(settings: CouncilSettings): string[] {
  const present = Object.entries(settings.retention ?? {})
    .filter(([, value]) => typeof value === 'number')
    .map(([key]) => key)
  const known = Object.keys(RETENTION_SETTINGS).filter((key) => present.includes(key))
  return [...known, ...present.filter((key) => !(key in RETENTION_SETTINGS)).sort()]
}

export interface TargetValues {
  amount: string
  unit: TargetUnit
  /** `''` when the clock starts at the stage just before (the API's default). */
  from: string
}

export interface SettingsValues {
  targets: Record<TargetStage, TargetValues>
  retention: Record<string, string>
  reward: string
  weekdays: string[]
  opens: string
  closes: string
  outOfHoursPhone: string
  fosteringTypes: FosteringType[]
}

export function previousStage(stage: TargetStage): string {
  return PIPELINE[PIPELINE.indexOf(stage) - 1] ?? 'enquiry'
}

/** Where the clock may start for a stage's target, other than the stage just before. */
export function earlierStages(stage: TargetStage): string[] {
  return PIPELINE.slice(0, Math.max(0, PIPELINE.indexOf(stage) - 1))
}

function poundsText(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)
}

/** The form's starting values from the settings read. */
export function valuesOf(settings: CouncilSettings): SettingsValues {
  const targets = {} as Record<TargetStage, TargetValues>
  for (const stage of TARGET_STAGES) {
    const target = settings.stage_targets?.[stage]
    const from = target?.from_stage && target.from_stage !== previousStage(stage) ? target.from_stage : ''
    targets[stage] = target
      ? { amount: String(target.amount), unit: target.unit, from }
      : { amount: '', unit: stage === 'initial_contact' || stage === 'initial_visit' ? 'working_days' : 'months', from: '' }
  }
  const retention: Record<string, string> = {}
  for (const key of retentionKeys(settings)) retention[key] = String((settings.retention as Record<string, unknown>)[key])
  const hours = settings.office_hours
  return {
    targets,
    retention,
    reward: poundsText(settings.referral_reward_pence),
    weekdays: (hours?.weekdays ?? []).map(String),
    opens: hours?.opens ?? '',
    closes: hours?.closes ?? '',
    outOfHoursPhone: hours?.out_of_hours_phone ?? '',
    fosteringTypes: (settings.fostering_types ?? []).filter((type) => type !== 'unsure'),
  }
}

/** The id of a form field: unique on the page, and what the error summary links to. */
export function targetId(stage: TargetStage, part: 'amount' | 'unit' | 'from'): string {
  return `target-${stage.replace(/_/g, '-')}-${part}`
}

export function retentionId(key: string): string {
  return `retention-${key.replace(/_/g, '-')}`
}

export type SettingsErrors = FormErrors<string>

/** The fields in the order the form shows them, for the error summary. */
export function fieldOrder(values: SettingsValues): string[] {
  const retention = Object.keys(values.retention)
  return [
    ...TARGET_STAGES.flatMap((stage) => [targetId(stage, 'amount'), targetId(stage, 'unit'), targetId(stage, 'from')]),
    ...CONTACT_SETTINGS.filter((key) => retention.includes(key)).map(retentionId),
    ...retention.filter((key) => !(CONTACT_SETTINGS as readonly string[]).includes(key)).map(retentionId),
    'referral-reward',
    'weekdays',
    'opens',
    'closes',
    'out-of-hours-phone',
    'fostering-types',
  ]
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/

/** "9:30" → "09:30"; `null` when it is not a time on the 24-hour clock. */
export function normaliseTime(value: string): string | null {
  const match = TIME.exec(value.trim().replace('.', ':'))
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : null
}

const WHOLE = /^\d{1,9}$/

function targetName(stage: TargetStage): string {
  return `Time allowed to reach ${stageName(stage).toLowerCase()}`
}

/**
 * The screen's own checks: what the API could not read at all. Ranges (1 to 1,000, up to
 * £100,000, ...) are the API's to say, so they are never out of step with it.
 */
export function checkValues(values: SettingsValues): SettingsErrors {
  const errors: SettingsErrors = {}
  for (const stage of TARGET_STAGES) {
    const amount = values.targets[stage].amount.trim()
    if (amount && !WHOLE.test(amount)) errors[targetId(stage, 'amount')] = `${targetName(stage)} must be a whole number, like 5`
  }
  for (const [key, raw] of Object.entries(values.retention)) {
    const { name } = retentionSetting(key)
    if (!raw.trim()) errors[retentionId(key)] = `Enter the ${name.charAt(0).toLowerCase()}${name.slice(1)}`
    else if (!WHOLE.test(raw.trim())) errors[retentionId(key)] = `${name} must be a whole number, like 3`
  }
  if (!values.reward.trim()) errors['referral-reward'] = 'Enter the referral reward in pounds, like 500'
  else if (parsePounds(values.reward) === null) errors['referral-reward'] = 'Referral reward must be an amount of money, like 500 or 250.50'
  if (!values.weekdays.length) errors.weekdays = 'Select the days the office is open'
  const opens = normaliseTime(values.opens)
  const closes = normaliseTime(values.closes)
  if (!opens) errors.opens = 'Opening time must be a time on the 24-hour clock, like 09:00'
  if (!closes) errors.closes = 'Closing time must be a time on the 24-hour clock, like 17:00'
  else if (opens && closes <= opens) errors.closes = 'Closing time must be after the opening time'
  if (!values.fosteringTypes.length) errors['fostering-types'] = 'Select the kinds of fostering you recruit for'
  return errors
}

/** The PATCH body: every object whole, over the settings read (see the module's note). Call after `checkValues`. */
export function toPatch(values: SettingsValues, read: CouncilSettings): CouncilSettingsPatch {
  const stageTargets: Record<string, StageTarget> = {}
  for (const stage of TARGET_STAGES) {
    const { amount, unit, from } = values.targets[stage]
    if (amount.trim()) stageTargets[stage] = { amount: Number(amount.trim()), unit, from_stage: from || null }
  }
  const retention = { ...read.retention } as Record<string, unknown>
  for (const [key, raw] of Object.entries(values.retention)) retention[key] = Number(raw.trim())
  return {
    stage_targets: stageTargets,
    retention: retention as Schemas['Retention'],
    referral_reward_pence: parsePounds(values.reward) ?? read.referral_reward_pence,
    office_hours: {
      ...read.office_hours,
      weekdays: values.weekdays.map(Number).sort((a, b) => a - b),
      opens: normaliseTime(values.opens) ?? values.opens,
      closes: normaliseTime(values.closes) ?? values.closes,
      out_of_hours_phone: values.outOfHoursPhone.trim() || null,
    },
    fostering_types: [
      ...RECRUITED_TYPES.filter((type) => values.fosteringTypes.includes(type)),
      // A kind this screen does not offer ("not sure yet") stays as it was.
      ...(read.fostering_types ?? []).filter((type) => !(RECRUITED_TYPES as readonly string[]).includes(type)),
    ],
  }
}

/** How an error names a field, and how its numbers read (pence as pounds). */
function describe(id: string): { name: string; amount: (n: number) => string } {
  const plain = (n: number) => n.toLocaleString('en-GB')
  if (id === 'referral-reward') return { name: 'Referral reward', amount: formatPence }
  if (id === 'opens') return { name: 'Opening time', amount: plain }
  if (id === 'closes') return { name: 'Closing time', amount: plain }
  if (id === 'out-of-hours-phone') return { name: 'Out-of-hours phone number', amount: plain }
  if (id === 'weekdays') return { name: 'Days open', amount: plain }
  if (id === 'fostering-types') return { name: 'Kinds of fostering', amount: plain }
  for (const stage of TARGET_STAGES) {
    if (id === targetId(stage, 'amount')) return { name: targetName(stage), amount: plain }
    if (id === targetId(stage, 'unit')) return { name: `How the time to reach ${stageName(stage).toLowerCase()} is counted`, amount: plain }
    if (id === targetId(stage, 'from')) return { name: `Where the clock for ${stageName(stage).toLowerCase()} starts`, amount: plain }
  }
  if (id.startsWith('retention-')) return { name: retentionSetting(id.slice('retention-'.length).replace(/-/g, '_')).name, amount: plain }
  return { name: 'This setting', amount: plain }
}

/** The API's (pydantic's) words for a field, as GOV.UK error messages. */
export function friendlyMessage(id: string, message: string): string {
  const { name, amount } = describe(id)
  const number = (pattern: RegExp) => {
    const found = pattern.exec(message)
    return found ? Number(found[1]) : null
  }
  const atLeast = number(/greater than or equal to (-?\d+)/i)
  if (atLeast !== null) return `${name} must be ${amount(atLeast)} or more`
  const atMost = number(/less than or equal to (-?\d+)/i)
  if (atMost !== null) return `${name} must be ${amount(atMost)} or less`
  const longest = number(/at most (\d+) characters?/i)
  if (longest !== null) return `${name} must be ${longest} characters or fewer`
  if (/should match pattern/i.test(message) && (id === 'opens' || id === 'closes')) return `${name} must be a time on the 24-hour clock, like 09:00`
  if (/valid integer|valid number/i.test(message)) return `${name} must be a whole number`
  return message
}

/** The form field an API field (`errors[].field`) belongs to, or null for one the form does not show. */
export function fieldForApi(field: string, message: string, retention: readonly string[]): string | null {
  const [top, second, third] = field.replace(/^body\./, '').split('.')
  const isStage = (value: string | undefined): value is TargetStage => (TARGET_STAGES as readonly string[]).includes(value ?? '')
  if (top === 'stage_targets') {
    if (isStage(second)) return targetId(second, third === 'unit' ? 'unit' : third === 'from_stage' ? 'from' : 'amount')
    // The set's own check names the stage in its words: "the clock for panel must start at an earlier stage".
    const named = /clock for (\w+)/.exec(message)?.[1]
    return isStage(named) ? targetId(named, 'from') : null
  }
  if (top === 'retention') return second && retention.includes(second) ? retentionId(second) : null
  if (top === 'referral_reward_pence') return 'referral-reward'
  if (top === 'office_hours') {
    if (second === 'weekdays') return 'weekdays'
    if (second === 'opens') return 'opens'
    if (second === 'closes') return 'closes'
    if (second === 'out_of_hours_phone') return 'out-of-hours-phone'
    return null
  }
  if (top === 'fostering_types') return 'fostering-types'
  return null
}

/** An API error as the form's errors: each field error on its field, in GOV.UK words. */
export function errorsFromProblem(error: unknown, retention: readonly string[]): SettingsErrors {
  if (!(error instanceof ApiError) || error.status >= 500) return { form: 'Sorry, the settings could not be saved. Try again later.' }
  if (error.status === 403) return { form: 'Only your council’s administrators can change its settings.' }
  const errors: SettingsErrors = {}
  for (const { field, message } of error.fieldErrors) {
    const id = fieldForApi(field, message, retention)
    if (id) errors[id] ??= friendlyMessage(id, message)
    else errors.form ??= message
  }
  if (!error.fieldErrors.length) errors.form = error.problem?.detail ?? error.problem?.title ?? error.message
  return errors
}

/** "5 working days, from initial contact"; "No target". */
export function describeTarget(stage: TargetStage, target: StageTarget | undefined): string {
  if (!target) return 'No target'
  const unit = UNITS[target.unit]
  const from = target.from_stage ?? previousStage(stage)
  return `${target.amount} ${target.amount === 1 ? unit.one : unit.many}, counted from ${stageName(from).toLowerCase()}`
}

export function unitOptions(): { value: TargetUnit; text: string }[] {
  return UNIT_ORDER.map((unit) => ({ value: unit, text: UNITS[unit].many.charAt(0).toUpperCase() + UNITS[unit].many.slice(1) }))
}

export function daysText(weekdays: readonly number[] | undefined): string {
  const days = (weekdays ?? []).map((day) => WEEKDAYS[day]).filter(Boolean)
  return days.length ? days.join(', ') : 'None'
}
