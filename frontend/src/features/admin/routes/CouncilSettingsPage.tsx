import { useState, type FormEvent } from 'react'
import { isApiError } from '../../../api/problems'
import { Button } from '../../../components/govuk/Button'
import { Checkboxes } from '../../../components/govuk/Checkboxes'
import { ErrorSummary } from '../../../components/govuk/ErrorSummary'
import { Fieldset } from '../../../components/govuk/Fieldset'
import { Input } from '../../../components/govuk/Input'
import { NotificationBanner } from '../../../components/govuk/NotificationBanner'
import { Select } from '../../../components/govuk/Select'
import { SummaryList } from '../../../components/govuk/SummaryList'
import { InsetText } from '../../../components/govuk/Typography'
import { useMe } from '../../../lib/auth/AuthProvider'
import { hasAnyRole } from '../../../lib/auth/roles'
import { FOSTERING_TYPES, fosteringTypeName } from '../../../lib/format'
import { summaryOf, useFormErrors } from '../../../lib/forms'
import { formatPence } from '../../../lib/money'
import { useArea, usePageTitle } from '../../../lib/page'
import { stageName } from '../../../lib/vocabulary'
import { useCouncilSettings } from '../api/get-council-settings'
import { useUpdateCouncilSettings } from '../api/update-council-settings'
import {
  CONTACT_SETTINGS,
  RECRUITED_TYPES,
  TARGET_STAGES,
  WEEKDAYS,
  checkValues,
  daysText,
  describeTarget,
  earlierStages,
  errorsFromProblem,
  fieldOrder,
  previousStage,
  retentionId,
  retentionKeys,
  retentionSetting,
  targetId,
  toPatch,
  unitOptions,
  valuesOf,
  type CouncilSettings,
  type SettingsValues,
  type TargetStage,
  type TargetUnit,
  type TargetValues,
} from '../settings'

const TITLE = 'Council settings'

/**
 * The council's own rules: stage targets, contact attempts and keeping in touch, how long
 * records are kept, the referral reward, office hours and the fostering it recruits for.
 * Administrators change them (`PATCH` with If-Match); managers and other staff read them.
 */
export function CouncilSettingsPage() {
  const me = useMe()
  const settings = useCouncilSettings()
  // Above the form, so a 412 is still shown once the form starts again from the latest settings.
  const update = useUpdateCouncilSettings()
  usePageTitle(TITLE)
  const canChange = hasAnyRole(me.roles, ['admin'])

  if (!settings.data) {
    return (
      <p className="govuk-body" role="status">
        {settings.isError ? 'Sorry, the settings cannot be shown right now. Try again later.' : 'Loading…'}
      </p>
    )
  }
  const { settings: read, etag } = settings.data
  if (!canChange) return <SettingsSummary settings={read} />
  // A new version (saved, or someone else's after a 412) starts the form again from it.
  return <SettingsForm key={etag ?? ''} read={read} etag={etag} update={update} />
}

function SettingsForm({ read, etag, update }: { read: CouncilSettings; etag: string | null; update: ReturnType<typeof useUpdateCouncilSettings> }) {
  const area = useArea()
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(read))
  const { errors, setErrors, attempt, hasErrors } = useFormErrors<string>()
  usePageTitle(TITLE, { error: hasErrors })
  const retention = retentionKeys(read)
  const set = <K extends keyof SettingsValues>(key: K) => (value: SettingsValues[K]) => setValues((current) => ({ ...current, [key]: value }))
  const setTarget = (stage: TargetStage, part: keyof TargetValues) => (value: string) =>
    setValues((current) => ({ ...current, targets: { ...current.targets, [stage]: { ...current.targets[stage], [part]: value } } }))
  const setRetention = (key: string) => (value: string) => setValues((current) => ({ ...current, retention: { ...current.retention, [key]: value } }))
  const stale = isApiError(update.error, 412)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = checkValues(values)
    setErrors(found)
    if (Object.keys(found).length) return
    update.mutate(
      { etag, patch: toPatch(values, read) },
      {
        onError: (error) => {
          // The form starts again from the latest settings, under the banner that says why.
          if (isApiError(error, 412)) return
          setErrors(errorsFromProblem(error, retention))
        },
      },
    )
  }

  const numberField = (key: string) => {
    const setting = retentionSetting(key)
    return (
      <Input
        key={key}
        id={retentionId(key)}
        label={setting.label}
        hint={setting.hint}
        inputMode="numeric"
        spellCheck={false}
        width="3"
        error={errors[retentionId(key)]}
        value={values.retention[key] ?? ''}
        onChange={setRetention(key)}
      />
    )
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {hasErrors && <ErrorSummary key={attempt} errors={summaryOf(errors, fieldOrder(values))} />}
        {update.isSuccess && !hasErrors && (
          <NotificationBanner type="success" heading="Settings saved">
            <p className="govuk-body">New stage targets apply to each enquiry from its next move.</p>
          </NotificationBanner>
        )}
        {stale && (
          <NotificationBanner title="There is a problem" heading="Someone changed the settings while you were editing them">
            <p className="govuk-body">Your changes are not saved. Here are the latest settings: check them and make your changes again.</p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-xl">{TITLE}</h1>
        <p className="govuk-body">The rules {area.council ?? 'your council'} works to. They apply to all of its enquiries.</p>
        <form onSubmit={submit} noValidate>
          <h2 className="govuk-heading-l">Targets for each stage</h2>
          <p className="govuk-body">
            How long the team has to reach each stage. Working days leave out weekends and bank holidays in England and Wales. Leave the
            time empty for no target.
          </p>
          {TARGET_STAGES.map((stage) => {
            const target = values.targets[stage]
            const name = stageName(stage).toLowerCase()
            return (
              <Fieldset key={stage} legend={stageName(stage)} legendSize="m">
                <Input
                  id={targetId(stage, 'amount')}
                  label={
                    <>
                      Time allowed<span className="govuk-visually-hidden"> to reach {name}</span> (optional)
                    </>
                  }
                  inputMode="numeric"
                  spellCheck={false}
                  width="3"
                  error={errors[targetId(stage, 'amount')]}
                  value={target.amount}
                  onChange={setTarget(stage, 'amount')}
                />
                <Select<TargetUnit>
                  id={targetId(stage, 'unit')}
                  label={
                    <>
                      Counted in<span className="govuk-visually-hidden"> for {name}</span>
                    </>
                  }
                  error={errors[targetId(stage, 'unit')]}
                  value={target.unit}
                  onChange={(value) => setTarget(stage, 'unit')(value || 'working_days')}
                  options={unitOptions()}
                />
                <Select<string>
                  id={targetId(stage, 'from')}
                  label={
                    <>
                      Counted from<span className="govuk-visually-hidden"> for {name}</span>
                    </>
                  }
                  error={errors[targetId(stage, 'from')]}
                  value={target.from}
                  onChange={setTarget(stage, 'from')}
                  options={[
                    { value: '', text: `The stage before: ${stageName(previousStage(stage)).toLowerCase()}` },
                    ...earlierStages(stage).map((from) => ({ value: from, text: stageName(from) })),
                  ]}
                />
              </Fieldset>
            )
          })}

          <h2 className="govuk-heading-l">Contacting people</h2>
          {CONTACT_SETTINGS.filter((key) => retention.includes(key)).map(numberField)}

          <h2 className="govuk-heading-l">Keeping records</h2>
          {retention.filter((key) => !(CONTACT_SETTINGS as readonly string[]).includes(key)).map(numberField)}

          <h2 className="govuk-heading-l">Referral reward</h2>
          <Input
            id="referral-reward"
            label="Reward in pounds for a carer whose referral is approved"
            hint="Staff mark it paid on the referral. A change applies to referrals that fall due from now."
            prefix="£"
            inputMode="decimal"
            spellCheck={false}
            width="10"
            error={errors['referral-reward']}
            value={values.reward}
            onChange={set('reward')}
          />

          <h2 className="govuk-heading-l">Office hours</h2>
          <p className="govuk-body">Shown on the council’s page about how to enquire.</p>
          <Checkboxes<string>
            id="weekdays"
            legend="Days open"
            legendSize="s"
            small
            error={errors.weekdays}
            choices={WEEKDAYS.map((day, index) => ({ value: String(index), label: day }))}
            values={values.weekdays}
            onChange={set('weekdays')}
          />
          <Input id="opens" label="Opens" hint="Use the 24-hour clock, like 09:00" spellCheck={false} width="5" error={errors.opens} value={values.opens} onChange={set('opens')} />
          <Input id="closes" label="Closes" hint="Like 17:00" spellCheck={false} width="5" error={errors.closes} value={values.closes} onChange={set('closes')} />
          <Input
            id="out-of-hours-phone"
            label="Out-of-hours phone number (optional)"
            type="tel"
            autoComplete="off"
            width="20"
            error={errors['out-of-hours-phone']}
            value={values.outOfHoursPhone}
            onChange={set('outOfHoursPhone')}
          />

          <h2 className="govuk-heading-l">Fostering you recruit for</h2>
          <Checkboxes
            id="fostering-types"
            legend="Kinds of fostering"
            legendSize="s"
            hint="Shown on the council’s page about fostering"
            small
            error={errors['fostering-types']}
            choices={RECRUITED_TYPES.map((type) => ({ value: type, label: FOSTERING_TYPES[type].name }))}
            values={values.fosteringTypes}
            onChange={set('fosteringTypes')}
          />

          <Button preventDoubleClick disabled={update.isPending}>
            Save settings
          </Button>
        </form>
      </div>
    </div>
  )
}

/** The settings to read, for staff who may not change them. */
function SettingsSummary({ settings }: { settings: CouncilSettings }) {
  const area = useArea()
  const retention = retentionKeys(settings)
  const value = (key: string) => String((settings.retention as Record<string, unknown> | undefined)?.[key] ?? '')
  const hours = settings.office_hours
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{TITLE}</h1>
        <p className="govuk-body">The rules {area.council ?? 'your council'} works to. They apply to all of its enquiries.</p>
        <InsetText>Only your council’s administrators can change these settings.</InsetText>
        <h2 className="govuk-heading-l">Targets for each stage</h2>
        <SummaryList rows={TARGET_STAGES.map((stage) => ({ key: stageName(stage), value: describeTarget(stage, settings.stage_targets?.[stage]) }))} />
        <h2 className="govuk-heading-l">Contacting people and keeping records</h2>
        <SummaryList rows={retention.map((key) => ({ key: retentionSetting(key).label, value: value(key) }))} />
        <h2 className="govuk-heading-l">Referral reward</h2>
        <SummaryList rows={[{ key: 'Reward for a carer whose referral is approved', value: formatPence(settings.referral_reward_pence) }]} />
        <h2 className="govuk-heading-l">Office hours</h2>
        <SummaryList
          rows={[
            { key: 'Days open', value: daysText(hours?.weekdays) },
            { key: 'Hours', value: `${hours?.opens ?? ''} to ${hours?.closes ?? ''}` },
            { key: 'Out-of-hours phone number', value: hours?.out_of_hours_phone ?? 'None' },
          ]}
        />
        <h2 className="govuk-heading-l">Fostering you recruit for</h2>
        <SummaryList rows={[{ key: 'Kinds of fostering', value: (settings.fostering_types ?? []).map(fosteringTypeName).join(', ') || 'None' }]} />
      </div>
    </div>
  )
}
