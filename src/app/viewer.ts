// Who is looking, for a transport other than chat (the dashboard): the person a Telegram id
// belongs to, and the workspace they see, chosen as a private chat chooses it (their only
// membership, or the one they last chose with /workspace), or named by slug when they have several.
import type { Db } from '../db/client.ts';
import { findMemberships, findPersonByTelegramId } from '../db/people.ts';
import { findWorkspaceById } from '../db/workspaces.ts';
import type { DashboardViewer } from './dashboard.ts';

export type ViewerLookup =
  | { ok: true; viewer: DashboardViewer; name: string; others: { slug: string; name: string }[] }
  | { ok: false; problem: 'not-member' }
  | { ok: false; problem: 'choose'; workspaces: { slug: string; name: string }[] };

export async function findViewer(db: Db, telegramId: number, slug: string | null): Promise<ViewerLookup> {
  const person = await findPersonByTelegramId(db, BigInt(telegramId));
  if (!person) return { ok: false, problem: 'not-member' };
  const memberships = await findMemberships(db, person.id);
  if (memberships.length === 0) return { ok: false, problem: 'not-member' };
  const list = memberships.map((m) => ({ slug: m.workspaceSlug, name: m.workspaceName }));
  // A slug that is not one of the person's workspaces finds nothing: no hint that it exists.
  const chosen = slug !== null
    ? memberships.find((m) => m.workspaceSlug === slug)
    : memberships.length === 1 ? memberships[0] : memberships.find((m) => m.workspaceId === person.activeWorkspaceId);
  if (slug !== null && !chosen) return { ok: false, problem: 'not-member' };
  if (!chosen) return { ok: false, problem: 'choose', workspaces: list };
  const ws = await findWorkspaceById(db, chosen.workspaceId);
  return {
    ok: true, name: person.displayName,
    viewer: {
      personId: person.id, roles: chosen.roles, opdIds: chosen.opdIds,
      workspace: { id: ws.id, name: ws.name, slug: ws.slug, timeZone: ws.timeZone, targetUnits: ws.targetUnits },
    },
    others: list.filter((w) => w.slug !== ws.slug),
  };
}
