// The checklist item state machine of product.md ("Checklists and tasks"):
//   belum → proses → diajukan (evidence attached) → selesai (verified by a coordinator),
//   diajukan → revisi (sent back with a reason), and any open item → dibatalkan.
// It mirrors how assessors work under PermenPANRB 8/2026 practice (evidence judged item by item:
// accepted, or sent back for revision), so the internal team rehearses the same loop before the
// document stage. Every refusal carries an Indonesian sentence the bot shows as it is.
import type { Role } from './roles.ts';

export const ITEM_STATUSES = ['belum', 'proses', 'diajukan', 'selesai', 'revisi', 'dibatalkan'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Statuses of work not yet done: what can be late. */
export const OPEN_STATUSES: readonly ItemStatus[] = ['belum', 'proses', 'diajukan', 'revisi'];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  belum: 'Belum',
  proses: 'Proses',
  diajukan: 'Diajukan',
  selesai: 'Selesai',
  revisi: 'Revisi',
  dibatalkan: 'Dibatalkan',
};

export const STATUS_ICONS: Record<ItemStatus, string> = {
  belum: '⬜',
  proses: '🔄',
  diajukan: '📤',
  selesai: '✅',
  revisi: '↩️',
  dibatalkan: '✖️',
};

/** Open items still need someone's work; selesai and dibatalkan are closed. */
export function isOpen(status: ItemStatus): boolean {
  return status !== 'selesai' && status !== 'dibatalkan';
}

/** Open items whose next step is the assignee's (a submitted item waits on a coordinator): what reminders chase. */
export const AWAITING_ASSIGNEE: readonly ItemStatus[] = ['belum', 'proses', 'revisi'];

export const ITEM_ACTIONS = ['mulai', 'ajukan', 'setujui', 'kembalikan', 'batalkan', 'buka'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export const ACTION_LABELS: Record<ItemAction, string> = {
  mulai: 'Mulai kerjakan',
  ajukan: 'Ajukan',
  setujui: 'Setujui',
  kembalikan: 'Kembalikan',
  batalkan: 'Batalkan',
  buka: 'Buka kembali',
};

/** Longest reason accepted for kembalikan / batalkan / buka (it is shown in a Telegram message). */
export const REASON_MAX_LENGTH = 500;

export interface ItemState {
  status: ItemStatus;
  opdId: number;
  assigneeId: number | null;
  evidenceCount: number;
}

export interface ItemActor {
  /** null: the admin at the command line, who is nobody's assignee */
  personId: number | null;
  roles: readonly Role[];
  /** the OPDs this person is PIC of */
  opdIds: readonly number[];
}

export type MoveResult =
  | { ok: true; status: ItemStatus; reason: string | null }
  | { ok: false; reason: string };

/** action → (from status → to status); a missing entry is an illegal move. */
const TRANSITIONS: Record<ItemAction, Partial<Record<ItemStatus, ItemStatus>>> = {
  mulai: { belum: 'proses', revisi: 'proses' },
  ajukan: { belum: 'diajukan', proses: 'diajukan', revisi: 'diajukan' },
  setujui: { diajukan: 'selesai' },
  kembalikan: { diajukan: 'revisi' },
  batalkan: { belum: 'dibatalkan', proses: 'dibatalkan', diajukan: 'dibatalkan', revisi: 'dibatalkan' },
  buka: { dibatalkan: 'belum', selesai: 'revisi' },
};

/** Verification, sending back, cancelling and reopening are the coordinators' judgement. */
const COORDINATOR_ONLY: Record<ItemAction, boolean> = {
  mulai: false, ajukan: false, setujui: true, kembalikan: true, batalkan: true, buka: true,
};

const COORDINATOR_ONLY_REFUSAL: Record<ItemAction, string> = {
  mulai: '',
  ajukan: '',
  setujui: 'Hanya koordinator yang dapat menyetujui item.',
  kembalikan: 'Hanya koordinator yang dapat mengembalikan item untuk direvisi.',
  batalkan: 'Hanya koordinator yang dapat membatalkan item.',
  buka: 'Hanya koordinator yang dapat membuka kembali item.',
};

const WAITING = 'Item sudah diajukan dan menunggu verifikasi koordinator.';

/** Why `action` does not apply to an open item in `status` (closed items are refused earlier). */
function wrongStatus(action: ItemAction, status: ItemStatus): string {
  switch (action) {
    case 'mulai': return status === 'diajukan' ? WAITING : 'Item sudah dalam proses.';
    case 'ajukan': return WAITING;
    case 'setujui': return 'Hanya item yang sudah diajukan yang dapat disetujui.';
    case 'kembalikan': return 'Hanya item yang sudah diajukan yang dapat dikembalikan.';
    case 'batalkan': return `Item berstatus ${STATUS_LABELS[status]} tidak dapat dibatalkan.`;
    case 'buka': return 'Item masih terbuka; hanya item yang selesai atau dibatalkan yang dapat dibuka kembali.';
  }
}

const PIMPINAN_REFUSAL = 'Pimpinan hanya dapat melihat; perubahan status dilakukan oleh PIC OPD atau koordinator.';
const NOT_MEMBER_REFUSAL = 'Anda belum terdaftar sebagai anggota instansi ini.';
const ADMIN_REFUSAL = 'Peran admin hanya mengelola anggota dan pengaturan; mengubah status item memerlukan peran koordinator.';
const OTHER_OPD_REFUSAL = 'Item ini milik OPD lain; hanya PIC OPD tersebut, petugas yang ditunjuk, atau koordinator yang dapat mengubahnya.';
const NOT_ALLOWED_REFUSAL = 'Anda tidak berwenang mengubah item ini.';
const NO_EVIDENCE_REFUSAL = 'Lampirkan bukti dukung dulu sebelum mengajukan item.';

/**
 * Everything but the reason text: who may do what from which status. allowedActions uses this
 * alone, so a button is shown exactly when moveItem would accept it with a valid reason.
 */
function check(item: ItemState, action: ItemAction, actor: ItemActor): { ok: true; to: ItemStatus } | { ok: false; reason: string } {
  const koordinator = actor.roles.includes('koordinator');
  // roles.ts: pimpinan reads everything and changes nothing, even an item assigned to them.
  if (actor.roles.length > 0 && actor.roles.every((r) => r === 'pimpinan')) {
    return { ok: false, reason: PIMPINAN_REFUSAL };
  }
  if (actor.roles.length === 0) return { ok: false, reason: NOT_MEMBER_REFUSAL };

  if (!isOpen(item.status) && action !== 'buka') {
    const word = item.status === 'selesai' ? 'selesai' : 'dibatalkan';
    return { ok: false, reason: `Item sudah ${word}; koordinator dapat membukanya kembali bila perlu diubah.` };
  }

  if (!koordinator) {
    const ownOpdPic = actor.roles.includes('pic') && actor.opdIds.includes(item.opdId);
    const assignee = item.assigneeId !== null && item.assigneeId === actor.personId;
    if (!ownOpdPic && !assignee) {
      if (actor.roles.includes('admin')) return { ok: false, reason: ADMIN_REFUSAL };
      if (actor.roles.includes('pic')) return { ok: false, reason: OTHER_OPD_REFUSAL };
      return { ok: false, reason: NOT_ALLOWED_REFUSAL };
    }
    if (COORDINATOR_ONLY[action]) return { ok: false, reason: COORDINATOR_ONLY_REFUSAL[action] };
  }

  const to = TRANSITIONS[action][item.status];
  if (to === undefined) return { ok: false, reason: wrongStatus(action, item.status) };

  // Submitting means "please verify this evidence": without any there is nothing to verify.
  if (action === 'ajukan' && item.evidenceCount <= 0) return { ok: false, reason: NO_EVIDENCE_REFUSAL };

  return { ok: true, to };
}

/** A reason is required when the PIC must learn what to fix: sending back, reopening a finished item. */
export function reasonRequired(action: ItemAction, from: ItemStatus): boolean {
  return action === 'kembalikan' || (action === 'buka' && from === 'selesai');
}

/** Actions whose reason is kept with the item (revisi and dibatalkan show it). */
function keepsReason(action: ItemAction): boolean {
  return action === 'kembalikan' || action === 'batalkan' || action === 'buka';
}

export function moveItem(item: ItemState, action: ItemAction, actor: ItemActor, reason?: string | null): MoveResult {
  const checked = check(item, action, actor);
  if (!checked.ok) return checked;
  if (!keepsReason(action)) return { ok: true, status: checked.to, reason: null };

  const text = (reason ?? '').trim();
  if (text === '' && reasonRequired(action, item.status)) {
    return {
      ok: false,
      reason: action === 'kembalikan'
        ? 'Tuliskan alasan pengembalian agar PIC tahu apa yang harus diperbaiki.'
        : 'Tuliskan alasan membuka kembali item yang sudah selesai.',
    };
  }
  // Control characters (NUL, escapes, direction overrides) cannot be stored on PostgreSQL or
  // would garble what the PIC is sent; a line break or a tab is fine.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) {
    return { ok: false, reason: 'Alasan memuat karakter kendali yang tidak dapat disimpan; ketik ulang alasannya.' };
  }
  // Counted in characters as people see them (an emoji is one), not UTF-16 units.
  const length = [...text].length;
  if (length > REASON_MAX_LENGTH) {
    return { ok: false, reason: `Alasan terlalu panjang: maksimal ${REASON_MAX_LENGTH} karakter (sekarang ${length}).` };
  }
  return { ok: true, status: checked.to, reason: text === '' ? null : text };
}

/**
 * The buttons to show this actor for this item, in ITEM_ACTIONS order: exactly the actions
 * moveItem accepts given a valid reason. Ajukan is hidden until evidence is attached.
 */
export function allowedActions(item: ItemState, actor: ItemActor): ItemAction[] {
  return ITEM_ACTIONS.filter((action) => check(item, action, actor).ok);
}

/** How an evidence row's kind (as stored: document, photo, link) is named to users. */
export const EVIDENCE_KIND_LABELS: Record<string, string> = { document: 'dokumen', photo: 'foto', link: 'tautan' };

/** An item's own due date, else its stage's deadline ('YYYY-MM-DD'). */
export function effectiveDueDate(itemDue: string | null, stageDue: string | null): string | null {
  return itemDue ?? stageDue;
}

/**
 * The order of item lists everywhere (chat, dashboard, reports): nearest due date first, undated
 * last, then by id. Sorting here, not in SQL, keeps it the same on SQLite (NULLs first) and
 * PostgreSQL (NULLs last).
 */
export function byDueDate(a: { due: string | null; id: number }, b: { due: string | null; id: number }): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.id - b.id;
}

/**
 * Open and due before today. Dates are the 'YYYY-MM-DD' storage form, whose string order is
 * calendar order; an item due today is not overdue yet.
 */
export function isOverdue(status: ItemStatus, due: string | null, today: string): boolean {
  return isOpen(status) && due !== null && due < today;
}

export interface Progress {
  /** items that count: everything but dibatalkan */
  total: number;
  done: number;
  open: number;
  byStatus: Record<ItemStatus, number>;
}

/** Cancelled items are not work left or done, so they count in byStatus only. */
export function progressOf(statuses: readonly ItemStatus[]): Progress {
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const s of statuses) byStatus[s] += 1;
  const done = byStatus.selesai;
  const open = statuses.filter(isOpen).length;
  return { total: done + open, done, open, byStatus };
}

/**
 * `▓▓▓▓▓▓░░░░ 60%`. Both the bar and the percentage round down, so 100% and a full bar mean
 * every item is done; no items at all shows an empty bar and a dash.
 */
export function progressBar(done: number, total: number, width = 10): string {
  if (total <= 0) return `${'░'.repeat(width)} –`;
  const d = Math.min(Math.max(done, 0), total);
  const filled = Math.floor((d * width) / total);
  const percent = Math.floor((d * 100) / total);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${percent}%`;
}

/**
 * Whether the actor may attach evidence: whoever may submit the item, on any open item
 * (a PIC adds a link to an item already submitted; the status only moves from belum/proses/revisi).
 */
export function canAttachEvidence(item: ItemState, actor: ItemActor): boolean {
  return evidenceRefusal(item, actor) === null;
}

/** Why the actor may not attach evidence to this item (a closed one is refused as closed), or null. */
export function evidenceRefusal(item: ItemState, actor: ItemActor): string | null {
  const asSubmittable = moveItem({ ...item, status: isOpen(item.status) ? 'proses' : item.status, evidenceCount: 1 }, 'ajukan', actor);
  return asSubmittable.ok ? null : asSubmittable.reason;
}

/** A new item's title length (as JavaScript counts it, as the chat always has): enough to say what is due, short enough for a list line. */
export const TITLE_LENGTH = { min: 3, max: 200 } as const;
