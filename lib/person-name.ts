// How a person is named across the app: "First Last", or the username when both are empty.
export type NamedPerson = { firstName: string; lastName: string; username: string };

export function personName(user: NamedPerson): string {
  return `${user.firstName} ${user.lastName}`.trim() || user.username;
}
