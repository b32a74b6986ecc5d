// Finds the workspace of an update from the chat (a linked group) or the person (a private
// chat), and the person's roles in it. Every feature scopes its queries by this workspace.
import { findChat } from '../db/chats.ts';
import type { Membership } from '../db/people.ts';
import { findMemberships, findMembershipsByTelegramId, findPersonByTelegramId, upsertPerson } from '../db/people.ts';
import type { Access, BotContext } from './context.ts';

export function displayName(from: { first_name: string; last_name?: string }): string {
  return [from.first_name, from.last_name].filter(Boolean).join(' ').slice(0, 100);
}

async function currentPerson(ctx: BotContext) {
  const from = ctx.from!;
  const id = BigInt(from.id);
  const name = displayName(from);
  const username = from.username ?? null;
  const known = await findPersonByTelegramId(ctx.deps.db, id);
  // Write only when something changed: most updates come from people we already know.
  if (known && known.displayName === name && known.username === username) return known;
  return upsertPerson(ctx.deps.db, { id, displayName: name, username });
}

function fromMembership(personId: number, m: Membership | undefined, workspace: Access['workspace']): Access {
  return { personId, workspace, roles: m?.roles ?? [], opdIds: m?.opdIds ?? [], problem: m ? null : 'not-member' };
}

// One lookup per update, however many callers ask (and the first may ask before the duplicate check ends).
const pending = new WeakMap<BotContext, Promise<Access>>();

export function resolveAccess(ctx: BotContext): Promise<Access> {
  if (ctx.access) return Promise.resolve(ctx.access);
  let lookup = pending.get(ctx);
  if (!lookup) {
    lookup = lookUpAccess(ctx);
    pending.set(ctx, lookup);
  }
  return lookup;
}

/** Telegram's stand-ins for anonymous group admins and channel posts: never a person. */
export const ANONYMOUS_SENDERS = new Set([1087968824, 777000, 136817688]);

/**
 * Starts the access lookup of a message or button press while the duplicate check runs, so the
 * two take one round trip instead of two; every such update looks up its access anyway (the
 * commands' guard, the flows' router). A failure surfaces where the handler awaits it.
 */
export function prefetchAccess(ctx: BotContext): void {
  if (!ctx.from || !ctx.chat || ANONYMOUS_SENDERS.has(ctx.from.id) || (!ctx.message && !ctx.callbackQuery)) return;
  resolveAccess(ctx).catch(() => undefined);
}

async function lookUpAccess(ctx: BotContext): Promise<Access> {
  const chat = ctx.chat!;
  // One round of independent queries (in parallel on PostgreSQL): the person, their memberships
  // by Telegram id, and the group's link.
  const [person, memberships, linked] = await Promise.all([
    currentPerson(ctx),
    findMembershipsByTelegramId(ctx.deps.db, BigInt(ctx.from!.id)),
    chat.type !== 'private' ? findChat(ctx.deps.db, BigInt(chat.id)) : null,
  ]);
  let access: Access;
  if (chat.type !== 'private') {
    if (!linked || linked.inactiveAt !== null) {
      access = { personId: person.id, workspace: null, roles: [], opdIds: [], problem: 'group-not-linked' };
    } else {
      const ws = linked.workspace;
      access = fromMembership(person.id, memberships.find((m) => m.workspaceId === ws.id), ws);
    }
  } else if (memberships.length === 0) {
    access = { personId: person.id, workspace: null, roles: [], opdIds: [], problem: 'no-workspace' };
  } else {
    const chosen = memberships.length === 1
      ? memberships[0]
      : memberships.find((m) => m.workspaceId === person.activeWorkspaceId);
    access = chosen
      ? fromMembership(person.id, chosen, chosen.workspace)
      : { personId: person.id, workspace: null, roles: [], opdIds: [], problem: 'choose-workspace' };
  }
  ctx.access = access;
  return access;
}

export async function membershipsOf(ctx: BotContext): Promise<Membership[]> {
  const access = await resolveAccess(ctx);
  return findMemberships(ctx.deps.db, access.personId);
}
