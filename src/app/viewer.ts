// Who is looking, for a transport other than chat (the dashboard): the person a Telegram id
// belongs to, and the workspace they see, chosen as a private chat chooses it (their only
// membership, or the one they last chose with /workspace), or named by slug when they have several.
import type { Db } from '../db/client.ts';
import { findSender } from '../db/access-lookup.ts';
import type { DashboardViewer } from './dashboard.ts';

export type ViewerLookup =
  | { ok: true; viewer: DashboardViewer; name: string; others: { slug: string; name: string }[] }
  | { ok: false; problem: 'not-member' }
  | { ok: false; problem: 'choose'; workspaces: { slug: string; name: string }[] };

export async function findViewer(db: Db, telegramId: number, slug: string | null): Promise<ViewerLookup> {
  // The person and their memberships with workspaces in one query, as a chat update's access.
  const { person, memberships } = await findSender(db, BigInt(telegramId));
  if (!person || memberships.length === 0) return { ok: false, problem: 'not-member' };
  const list = memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name }));
  // A slug that is not one of the person's workspaces finds nothing: no hint that it exists.
  const chosen = slug !== null
    ? memberships.find((m) => m.workspace.slug === slug)
    : memberships.length === 1 ? memberships[0] : memberships.find((m) => m.workspace.id === person.activeWorkspaceId);
  if (slug !== null && !chosen) return { ok: false, problem: 'not-member' };
  if (!chosen) return { ok: false, problem: 'choose', workspaces: list };
  return {
    ok: true, name: person.displayName,
    viewer: { personId: person.id, roles: chosen.roles, opdIds: chosen.opdIds, workspace: chosen.workspace },
    others: list.filter((w) => w.slug !== chosen.workspace.slug),
  };
}
