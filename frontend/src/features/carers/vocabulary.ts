/** Words for carer households. */
import type { Schemas } from '../../api/client'
import type { TagColour } from '../../components/govuk/Tag'
import { fosteringTypeName } from '../../lib/format'

export type HouseholdStatus = Schemas['HouseholdOut']['status']
export type DeregistrationReason = NonNullable<Schemas['HouseholdPatch']['deregistration_reason']>

export const HOUSEHOLD_STATUSES: Record<HouseholdStatus, { name: string; colour: TagColour }> = {
  approved: { name: 'Approved', colour: 'green' },
  on_hold: { name: 'On hold', colour: 'yellow' },
  deregistered: { name: 'Deregistered', colour: 'grey' },
}

export const DEREGISTRATION_REASONS: Record<DeregistrationReason, string> = {
  retired: 'Retired from fostering',
  moved_away: 'Moved away',
  transferred_to_agency: 'Transferred to an agency',
  transferred_to_council: 'Transferred to another council',
  health: 'Health',
  household_change: 'A change in the household',
  special_guardianship_or_adoption: 'Special guardianship or adoption',
  allegation_or_concern: 'An allegation or concern',
  council_decision: 'The council’s decision',
  other: 'Other',
}

export function deregistrationReasonName(reason: string | null | undefined): string {
  return reason && reason in DEREGISTRATION_REASONS ? DEREGISTRATION_REASONS[reason as DeregistrationReason] : (reason ?? '')
}

export function terms(household: Pick<Schemas['HouseholdOut'], 'fostering_types' | 'age_min' | 'age_max' | 'places'>): string {
  const types = household.fostering_types.map(fosteringTypeName).join(', ')
  return `${types}; children aged ${household.age_min} to ${household.age_max}; ${household.places} ${household.places === 1 ? 'place' : 'places'}`
}
