// Attaching evidence to an item (issue 14, item 5): a file by its Telegram id, or a link. Whoever
// may submit the item may attach to it while it is open; the first evidence of an item not yet
// submitted submits it. The rule is checked again here, not only when the chat's button was
// pressed: a role lost or an item closed meanwhile is refused. Nobody is told: a submitted item
// waits in the koordinators' queue and reminders.
import type { NewEvidence } from '../db/checklists.ts';
import { attachEvidence, findItem } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import type { ItemStatus } from '../domain/checklists.ts';
import { evidenceRefusal, moveItem } from '../domain/checklists.ts';
import type { MemberActor } from './actors.ts';

export type { NewEvidence } from '../db/checklists.ts';

export interface EvidenceRequest {
  workspaceId: number;
  /** a member: the evidence row names who added it, and the command line is nobody */
  actor: MemberActor;
  itemId: number;
  evidence: NewEvidence;
  now: Date;
}

export type EvidenceOutcome =
  | { ok: true; item: { id: number; title: string }; to: ItemStatus }
  /** stale: no such item in this workspace; refused: the rule's reason */
  | { ok: false; problem: 'stale' }
  | { ok: false; problem: 'refused'; reason: string };

export async function attachItemEvidence(db: Db, request: EvidenceRequest): Promise<EvidenceOutcome> {
  const item = await findItem(db, request.workspaceId, request.itemId);
  if (!item) return { ok: false, problem: 'stale' };
  const state = { status: item.status as ItemStatus, opdId: item.opdId, assigneeId: item.assignee?.id ?? null, evidenceCount: item.evidence.length + 1 };
  const refusal = evidenceRefusal(state, request.actor);
  if (refusal !== null) return { ok: false, problem: 'refused', reason: refusal };
  // The same link or file again (a double tap, a form sent twice) is already there: kept once.
  const { evidence } = request;
  const same = item.evidence.some((e) => e.kind === evidence.kind
    && (evidence.kind === 'link' ? e.url === evidence.url : e.telegramFileUnique !== null && e.telegramFileUnique === evidence.telegramFileUnique));
  if (same) return { ok: true, item: { id: item.id, title: item.title }, to: item.status as ItemStatus };
  const submit = moveItem(state, 'ajukan', request.actor);
  const to = submit.ok ? submit.status : state.status;
  const saved = await attachEvidence(db, {
    workspaceId: request.workspaceId, itemId: item.id, from: item.status, to, evidence: request.evidence, at: request.now,
  }, { via: 'bot', personId: request.actor.personId });
  if (!saved) return { ok: false, problem: 'stale' };
  return { ok: true, item: { id: item.id, title: item.title }, to };
}

/** A link as evidence, as the chat stores one (the address found by the domain's evidenceLinkIn). */
export function linkEvidence(link: { url: string; name: string }): NewEvidence {
  return { kind: 'link', url: link.url, fileName: link.name, telegramFileId: null, telegramFileUnique: null, fileSize: null, mimeType: null };
}
