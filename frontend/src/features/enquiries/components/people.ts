/**
 * Who did something, in words. The API gives staff only a user id (names of other staff are for
 * administrators' `GET /users`), so the screens say "you" or "a colleague".
 */
export function whoIs(userId: string | null | undefined, myId: string | null | undefined): string {
  if (!userId) return 'Nobody'
  return userId === myId ? 'You' : 'A colleague'
}
