// Finds the workspace of an update from the chat (a linked group) or the person (a private
// chat), and the person's roles in it. Every feature scopes its queries by this workspace.
import type { Sender, SenderMembership } from '../db/access-lookup.ts';
import { findChatLink, findSender } from '../db/access-lookup.ts';
import type { Membership } from '../db/people.ts';
import { findMemberships, upsertPerson } from '../db/people.ts';
import type { Access, BotContext } from './context.ts';

export function displayName(from: { first_name: string; last_name?: string }): string {
  return [from.first_name, from.last_name].filter(Boolean).join(' ').slice(0, 100);
}

/** The sender's person row, written only when new or renamed: most updates come from people we know. */
async function currentPerson(ctx: BotContext, known: Sender['person']) {
  const from = ctx.from!;
  const name = displayName(from);
  const username = from.username ?? null;
  if (known && known.displayName === name && known.username === username) return known;
  return upsertPerson(ctx.deps.db, { id: BigInt(from.id), displayName: name, username });
}

function fromMembership(personId: number, m: SenderMembership | undefined, workspace: Access['workspace']): Access {
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
  // Two queries side by side: the sender with their memberships, and the group's link.
  const [sender, linked] = await Promise.all([
    findSender(ctx.deps.db, BigInt(ctx.from!.id)),
    chat.type !== 'private' ? findChatLink(ctx.deps.db, BigInt(chat.id)) : null,
  ]);
  const person = await currentPerson(ctx, sender.person);
  const memberships = sender.memberships;
  let access: Access;
  if (chat.type !== 'private') {
    if (!linked || linked.inactive) {
      access = { personId: person.id, workspace: null, roles: [], opdIds: [], problem: 'group-not-linked' };
    } else {
      const ws = linked.workspace;
      access = fromMembership(person.id, memberships.find((m) => m.workspace.id === ws.id), ws);
    }
  } else if (memberships.length === 0) {
    access = { personId: person.id, workspace: null, roles: [], opdIds: [], problem: 'no-workspace' };
  } else {
    const chosen = memberships.length === 1
      ? memberships[0]
      : memberships.find((m) => m.workspace.id === person.activeWorkspaceId);
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
