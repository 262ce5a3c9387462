import type { StaffMember } from '../api/list-staff'

/**
 * Who did something, in words: "You", a colleague's name from the staff directory
 * (`GET /staff`), or "A colleague" while the directory loads or for someone no longer in it.
 */
export function whoIs(userId: string | null | undefined, myId: string | null | undefined, staff?: readonly StaffMember[]): string {
  if (!userId) return 'Nobody'
  if (userId === myId) return 'You'
  const person = staff?.find((member) => member.id === userId)
  if (!person) return 'A colleague'
  return person.is_active ? person.display_name : `${person.display_name} (no longer active)`
}

/** The people work can be assigned to, by name, the signed-in person first. */
export function assignable(staff: readonly StaffMember[] | undefined, myId: string | null | undefined): StaffMember[] {
  const active = (staff ?? []).filter((member) => member.is_active)
  return [...active.filter((m) => m.id === myId), ...active.filter((m) => m.id !== myId)]
}
