/** How we name a person in the UI: their display name, else their email. */
export function userLabel(user: { displayName: string | null; email: string | null }): string {
  return user.displayName ?? user.email ?? "Your account";
}
