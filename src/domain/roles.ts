// The roles of product.md: admin manages members and settings, koordinator runs the campaign,
// pic works their own OPD's items, pimpinan reads everything and changes nothing.
export const ROLES = ['admin', 'koordinator', 'pic', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

export function parseRole(input: string): Role | null {
  const key = input.trim().toLowerCase();
  return (ROLES as readonly string[]).includes(key) ? (key as Role) : null;
}
