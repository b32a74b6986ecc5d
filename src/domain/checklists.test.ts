import { describe, expect, it } from 'vitest';
import type { ItemAction, ItemActor, ItemState, ItemStatus } from './checklists.ts';
import {
  ACTION_LABELS, ITEM_ACTIONS, ITEM_STATUSES, REASON_MAX_LENGTH, STATUS_ICONS, STATUS_LABELS,
  allowedActions, byDueDate, effectiveDueDate, isOpen, isOverdue, moveItem, progressBar, progressOf,
} from './checklists.ts';

const OPD = 10;
const koordinator: ItemActor = { personId: 1, roles: ['koordinator'], opdIds: [] };
const pic: ItemActor = { personId: 2, roles: ['pic'], opdIds: [OPD] };
const picOther: ItemActor = { personId: 3, roles: ['pic'], opdIds: [20] };
const assignee: ItemActor = { personId: 4, roles: ['pic'], opdIds: [] };
const pimpinan: ItemActor = { personId: 5, roles: ['pimpinan'], opdIds: [] };
const admin: ItemActor = { personId: 6, roles: ['admin'], opdIds: [] };
const adminKoordinator: ItemActor = { personId: 7, roles: ['admin', 'koordinator'], opdIds: [] };
const noRoles: ItemActor = { personId: 8, roles: [], opdIds: [OPD] };
const pimpinanKoordinator: ItemActor = { personId: 9, roles: ['pimpinan', 'koordinator'], opdIds: [] };
const ACTORS = { koordinator, pic, picOther, assignee, pimpinan, admin, adminKoordinator, noRoles, pimpinanKoordinator };

function item(status: ItemStatus, over: Partial<ItemState> = {}): ItemState {
  return { status, opdId: OPD, assigneeId: null, evidenceCount: 1, ...over };
}

const REASON = 'Dokumen belum ditandatangani Sekda';

function refusal(state: ItemState, action: ItemAction, actor: ItemActor, reason?: string | null): string {
  const result = moveItem(state, action, actor, reason);
  if (result.ok) throw new Error(`expected ${action} on ${state.status} to be refused`);
  return result.reason;
}

describe('labels', () => {
  it('has an Indonesian label and an icon for every status and action', () => {
    expect(ITEM_STATUSES.map((s) => STATUS_LABELS[s])).toEqual(['Belum', 'Proses', 'Diajukan', 'Selesai', 'Revisi', 'Dibatalkan']);
    expect(ITEM_STATUSES.map((s) => STATUS_ICONS[s])).toEqual(['⬜', '🔄', '📤', '✅', '↩️', '✖️']);
    expect(ITEM_ACTIONS.map((a) => ACTION_LABELS[a])).toEqual(['Mulai kerjakan', 'Ajukan', 'Setujui', 'Kembalikan', 'Batalkan', 'Buka kembali']);
  });

  it('treats selesai and dibatalkan as closed, the rest as open', () => {
    expect(ITEM_STATUSES.filter(isOpen)).toEqual(['belum', 'proses', 'diajukan', 'revisi']);
  });
});

describe('moveItem: allowed moves', () => {
  it('walks the whole cycle: belum → proses → diajukan → revisi → diajukan → selesai → revisi', () => {
    let state = item('belum');
    const step = (action: ItemAction, actor: ItemActor, reason?: string) => {
      const result = moveItem(state, action, actor, reason);
      if (!result.ok) throw new Error(result.reason);
      state = { ...state, status: result.status };
      return result;
    };
    expect(step('mulai', pic)).toEqual({ ok: true, status: 'proses', reason: null });
    expect(step('ajukan', pic)).toEqual({ ok: true, status: 'diajukan', reason: null });
    expect(step('kembalikan', koordinator, `  ${REASON}  `)).toEqual({ ok: true, status: 'revisi', reason: REASON });
    expect(step('ajukan', pic)).toEqual({ ok: true, status: 'diajukan', reason: null });
    expect(step('setujui', koordinator)).toEqual({ ok: true, status: 'selesai', reason: null });
    expect(step('buka', koordinator, 'Perda diganti')).toEqual({ ok: true, status: 'revisi', reason: 'Perda diganti' });
  });

  it('lets the PIC start a revisi item again and submit straight from belum', () => {
    expect(moveItem(item('revisi'), 'mulai', pic)).toEqual({ ok: true, status: 'proses', reason: null });
    expect(moveItem(item('belum'), 'ajukan', pic)).toEqual({ ok: true, status: 'diajukan', reason: null });
  });

  it('lets the assignee work the item without being PIC of its OPD', () => {
    const mine = item('belum', { assigneeId: assignee.personId });
    expect(moveItem(mine, 'mulai', assignee)).toMatchObject({ ok: true, status: 'proses' });
    expect(moveItem(mine, 'ajukan', assignee)).toMatchObject({ ok: true, status: 'diajukan' });
  });

  it('lets a koordinator do every move on any OPD, cancelling with an optional reason', () => {
    const elsewhere = { opdId: 99 };
    expect(moveItem(item('belum', elsewhere), 'mulai', koordinator)).toMatchObject({ ok: true, status: 'proses' });
    expect(moveItem(item('proses', elsewhere), 'ajukan', koordinator)).toMatchObject({ ok: true, status: 'diajukan' });
    expect(moveItem(item('proses', elsewhere), 'batalkan', koordinator)).toEqual({ ok: true, status: 'dibatalkan', reason: null });
    expect(moveItem(item('diajukan'), 'batalkan', koordinator, 'Indikator dihapus')).toEqual({ ok: true, status: 'dibatalkan', reason: 'Indikator dihapus' });
    expect(moveItem(item('dibatalkan'), 'buka', koordinator)).toEqual({ ok: true, status: 'belum', reason: null });
  });

  it('gives admin+koordinator and pimpinan+koordinator the koordinator rights', () => {
    expect(moveItem(item('diajukan'), 'setujui', adminKoordinator)).toMatchObject({ ok: true, status: 'selesai' });
    expect(moveItem(item('diajukan'), 'setujui', pimpinanKoordinator)).toMatchObject({ ok: true, status: 'selesai' });
  });

  it('ignores a reason passed with mulai, ajukan or setujui (the revisi note is cleared)', () => {
    expect(moveItem(item('revisi'), 'mulai', pic, 'catatan')).toEqual({ ok: true, status: 'proses', reason: null });
  });

  it('accepts a reason of exactly 500 characters, counting an emoji as one', () => {
    const reason = '📎'.repeat(REASON_MAX_LENGTH);
    expect(moveItem(item('diajukan'), 'kembalikan', koordinator, reason)).toEqual({ ok: true, status: 'revisi', reason });
  });
});

describe('moveItem: refusals, one rule each', () => {
  it('pimpinan can only look, even at an item assigned to them', () => {
    for (const status of ITEM_STATUSES) {
      for (const action of ITEM_ACTIONS) {
        expect(refusal(item(status, { assigneeId: pimpinan.personId }), action, pimpinan, REASON)).toBe(
          'Pimpinan hanya dapat melihat; perubahan status dilakukan oleh PIC OPD atau koordinator.',
        );
      }
    }
  });

  it('a PIC of another OPD cannot touch the item', () => {
    expect(refusal(item('belum'), 'mulai', picOther)).toBe(
      'Item ini milik OPD lain; hanya PIC OPD tersebut, petugas yang ditunjuk, atau koordinator yang dapat mengubahnya.',
    );
  });

  it('an admin without the koordinator role cannot change items', () => {
    for (const action of ITEM_ACTIONS) {
      expect(refusal(item('diajukan'), action, admin, REASON)).toBe(
        'Peran admin hanya mengelola anggota dan pengaturan; mengubah status item memerlukan peran koordinator.',
      );
    }
  });

  it('someone without any role in the workspace cannot change items', () => {
    expect(refusal(item('belum'), 'mulai', noRoles)).toBe('Anda belum terdaftar sebagai anggota instansi ini.');
  });

  it('a closed item only accepts buka', () => {
    for (const action of ITEM_ACTIONS.filter((a) => a !== 'buka')) {
      expect(refusal(item('selesai'), action, koordinator, REASON)).toBe('Item sudah selesai; koordinator dapat membukanya kembali bila perlu diubah.');
      expect(refusal(item('dibatalkan'), action, koordinator, REASON)).toBe('Item sudah dibatalkan; koordinator dapat membukanya kembali bila perlu diubah.');
    }
  });

  it('ajukan needs evidence first', () => {
    expect(refusal(item('proses', { evidenceCount: 0 }), 'ajukan', pic)).toBe('Lampirkan bukti dukung dulu sebelum mengajukan item.');
    expect(refusal(item('belum', { evidenceCount: 0 }), 'ajukan', koordinator)).toMatch(/^Lampirkan bukti dukung dulu/);
  });

  it('setujui is for a koordinator only', () => {
    expect(refusal(item('diajukan'), 'setujui', pic)).toBe('Hanya koordinator yang dapat menyetujui item.');
  });

  it('setujui needs a submitted item', () => {
    expect(refusal(item('proses'), 'setujui', koordinator)).toBe('Hanya item yang sudah diajukan yang dapat disetujui.');
  });

  it('kembalikan is for a koordinator only', () => {
    expect(refusal(item('diajukan'), 'kembalikan', pic, REASON)).toBe('Hanya koordinator yang dapat mengembalikan item untuk direvisi.');
    for (const bad of ['a\u0000b', 'lihat \u001b[31m', 'teks \u202e terbalik']) {
      expect(refusal(item('diajukan'), 'kembalikan', koordinator, bad)).toBe('Alasan memuat karakter kendali yang tidak dapat disimpan; ketik ulang alasannya.');
    }
    expect(moveItem(item('diajukan'), 'kembalikan', koordinator, 'baris satu\nbaris dua\tok')).toMatchObject({ ok: true, reason: 'baris satu\nbaris dua\tok' });
  });

  it('kembalikan needs a submitted item', () => {
    expect(refusal(item('belum'), 'kembalikan', koordinator, REASON)).toBe('Hanya item yang sudah diajukan yang dapat dikembalikan.');
  });

  it('kembalikan needs a reason', () => {
    for (const reason of [undefined, null, '', '   \n ']) {
      expect(refusal(item('diajukan'), 'kembalikan', koordinator, reason)).toBe('Tuliskan alasan pengembalian agar PIC tahu apa yang harus diperbaiki.');
    }
  });

  it('a reason is at most 500 characters', () => {
    expect(refusal(item('diajukan'), 'kembalikan', koordinator, 'a'.repeat(501))).toBe('Alasan terlalu panjang: maksimal 500 karakter (sekarang 501).');
    expect(refusal(item('proses'), 'batalkan', koordinator, 'a'.repeat(600))).toMatch(/^Alasan terlalu panjang/);
  });

  it('batalkan is for a koordinator only', () => {
    expect(refusal(item('belum'), 'batalkan', pic)).toBe('Hanya koordinator yang dapat membatalkan item.');
  });

  it('buka is for a koordinator only', () => {
    expect(refusal(item('dibatalkan'), 'buka', pic)).toBe('Hanya koordinator yang dapat membuka kembali item.');
  });

  it('buka needs a closed item', () => {
    expect(refusal(item('proses'), 'buka', koordinator)).toBe('Item masih terbuka; hanya item yang selesai atau dibatalkan yang dapat dibuka kembali.');
  });

  it('reopening a finished item needs a reason', () => {
    expect(refusal(item('selesai'), 'buka', koordinator)).toBe('Tuliskan alasan membuka kembali item yang sudah selesai.');
  });

  it('mulai does not apply to an item already in progress', () => {
    expect(refusal(item('proses'), 'mulai', pic)).toBe('Item sudah dalam proses.');
  });

  it('a submitted item waits for the koordinator: no mulai, no second ajukan', () => {
    expect(refusal(item('diajukan'), 'mulai', pic)).toBe('Item sudah diajukan dan menunggu verifikasi koordinator.');
    expect(refusal(item('diajukan'), 'ajukan', pic)).toBe('Item sudah diajukan dan menunggu verifikasi koordinator.');
  });
});

describe('allowedActions', () => {
  const expected: Record<ItemStatus, { pic: ItemAction[]; koordinator: ItemAction[] }> = {
    belum: { pic: ['mulai', 'ajukan'], koordinator: ['mulai', 'ajukan', 'batalkan'] },
    proses: { pic: ['ajukan'], koordinator: ['ajukan', 'batalkan'] },
    diajukan: { pic: [], koordinator: ['setujui', 'kembalikan', 'batalkan'] },
    selesai: { pic: [], koordinator: ['buka'] },
    revisi: { pic: ['mulai', 'ajukan'], koordinator: ['mulai', 'ajukan', 'batalkan'] },
    dibatalkan: { pic: [], koordinator: ['buka'] },
  };

  it.each(ITEM_STATUSES)('shows the PIC and the koordinator their buttons on a %s item', (status) => {
    expect(allowedActions(item(status), pic)).toEqual(expected[status].pic);
    expect(allowedActions(item(status, { assigneeId: assignee.personId }), assignee)).toEqual(expected[status].pic);
    expect(allowedActions(item(status), koordinator)).toEqual(expected[status].koordinator);
  });

  it('hides ajukan until evidence is attached', () => {
    expect(allowedActions(item('proses', { evidenceCount: 0 }), pic)).toEqual([]);
    expect(allowedActions(item('belum', { evidenceCount: 0 }), koordinator)).toEqual(['mulai', 'batalkan']);
  });

  it('shows pimpinan, a PIC of another OPD, an admin and a non-member nothing', () => {
    for (const status of ITEM_STATUSES) {
      for (const actor of [pimpinan, picOther, admin, noRoles]) expect(allowedActions(item(status), actor)).toEqual([]);
    }
  });

  it('matches moveItem for every status × actor × evidence × assignee', () => {
    let combinations = 0;
    for (const status of ITEM_STATUSES) {
      for (const [name, actor] of Object.entries(ACTORS)) {
        for (const evidenceCount of [0, 3]) {
          for (const assigneeId of [null, ...Object.values(ACTORS).map((a) => a.personId)]) {
            const state = item(status, { evidenceCount, assigneeId });
            const shown = allowedActions(state, actor);
            for (const action of ITEM_ACTIONS) {
              const result = moveItem(state, action, actor, REASON);
              const where = `${name} ${action} on ${status} (evidence ${evidenceCount}, assignee ${assigneeId})`;
              expect(result.ok, where).toBe(shown.includes(action));
              if (!result.ok) expect(result.reason.length, where).toBeGreaterThan(10);
              // Only coordinators decide on evidence; pimpinan never changes anything.
              if (result.ok && ['setujui', 'kembalikan', 'batalkan', 'buka'].includes(action)) {
                expect(actor.roles, where).toContain('koordinator');
              }
              if (actor.roles.every((r) => r === 'pimpinan')) expect(result.ok, where).toBe(false);
              combinations++;
            }
          }
        }
      }
    }
    expect(combinations).toBe(ITEM_STATUSES.length * 9 * 2 * 10 * ITEM_ACTIONS.length);
  });
});

describe('due dates', () => {
  it("uses the item's own date, else the stage's deadline", () => {
    expect(effectiveDueDate('2026-09-10', '2026-09-15')).toBe('2026-09-10');
    expect(effectiveDueDate(null, '2026-09-15')).toBe('2026-09-15');
    expect(effectiveDueDate(null, null)).toBeNull();
  });

  it('orders lists nearest date first, undated last, then by id', () => {
    const items = [
      { id: 5, due: null }, { id: 4, due: '2026-10-01' }, { id: 3, due: null },
      { id: 2, due: '2026-09-10' }, { id: 1, due: '2026-10-01' }, { id: 6, due: '2025-12-31' },
    ];
    expect([...items].sort(byDueDate).map((i) => i.id)).toEqual([6, 2, 1, 4, 3, 5]);
    expect([...items].reverse().sort(byDueDate).map((i) => i.id)).toEqual([6, 2, 1, 4, 3, 5]);
  });

  it.each([
    ['2026-08-31', '2026-09-01', true],
    ['2026-09-01', '2026-08-31', false],
    ['2026-09-15', '2026-09-15', false],
    ['2026-12-31', '2027-01-01', true],
    ['2027-01-01', '2026-12-31', false],
    ['2028-02-29', '2028-03-01', true],
    ['2026-02-28', '2026-03-01', true],
    ['2026-09-30', '2026-10-01', true],
    ['2026-10-01', '2026-09-30', false],
  ])('an open item due %s is overdue on %s: %s', (due, today, overdue) => {
    expect(isOverdue('proses', due, today)).toBe(overdue);
  });

  it('closed items and items without a date are never overdue', () => {
    expect(isOverdue('selesai', '2026-01-01', '2026-12-31')).toBe(false);
    expect(isOverdue('dibatalkan', '2026-01-01', '2026-12-31')).toBe(false);
    expect(isOverdue('belum', null, '2026-12-31')).toBe(false);
    for (const status of ['belum', 'proses', 'diajukan', 'revisi'] as const) {
      expect(isOverdue(status, '2026-01-01', '2026-12-31')).toBe(true);
    }
  });
});

describe('progress', () => {
  it('counts done and open, leaving cancelled items out of the total', () => {
    expect(progressOf(['belum', 'proses', 'diajukan', 'selesai', 'selesai', 'revisi', 'dibatalkan', 'dibatalkan'])).toEqual({
      total: 6,
      done: 2,
      open: 4,
      byStatus: { belum: 1, proses: 1, diajukan: 1, selesai: 2, revisi: 1, dibatalkan: 2 },
    });
  });

  it('is all zeros for no items', () => {
    expect(progressOf([])).toEqual({
      total: 0, done: 0, open: 0,
      byStatus: { belum: 0, proses: 0, diajukan: 0, selesai: 0, revisi: 0, dibatalkan: 0 },
    });
  });

  it.each([
    [6, 10, '▓▓▓▓▓▓░░░░ 60%'],
    [0, 0, '░░░░░░░░░░ –'],
    [0, 4, '░░░░░░░░░░ 0%'],
    [1, 3, '▓▓▓░░░░░░░ 33%'],
    [2, 3, '▓▓▓▓▓▓░░░░ 66%'],
    [199, 200, '▓▓▓▓▓▓▓▓▓░ 99%'],
    [5, 5, '▓▓▓▓▓▓▓▓▓▓ 100%'],
  ])('%i of %i → %s', (done, total, bar) => {
    expect(progressBar(done, total)).toBe(bar);
  });

  it('takes a width', () => {
    expect(progressBar(1, 2, 4)).toBe('▓▓░░ 50%');
    expect(progressBar(0, 0, 4)).toBe('░░░░ –');
  });

  it('draws the bar from progressOf', () => {
    const p = progressOf(['selesai', 'selesai', 'selesai', 'proses', 'dibatalkan']);
    expect(progressBar(p.done, p.total)).toBe('▓▓▓▓▓▓▓░░░ 75%');
  });
});

describe('canAttachEvidence', () => {
  it('lets whoever may submit attach to any open item, and nobody to a closed one', async () => {
    const { canAttachEvidence } = await import('./checklists.ts');
    const pic = { personId: 7, roles: ['pic'] as const, opdIds: [3] };
    const otherPic = { personId: 8, roles: ['pic'] as const, opdIds: [4] };
    const leader = { personId: 9, roles: ['pimpinan'] as const, opdIds: [] };
    const item = (status: 'belum' | 'diajukan' | 'selesai' | 'dibatalkan') => ({ status, opdId: 3, assigneeId: null, evidenceCount: 0 });
    expect(canAttachEvidence(item('belum'), pic)).toBe(true);
    expect(canAttachEvidence(item('diajukan'), pic)).toBe(true);
    expect(canAttachEvidence(item('selesai'), pic)).toBe(false);
    expect(canAttachEvidence(item('dibatalkan'), pic)).toBe(false);
    expect(canAttachEvidence(item('belum'), otherPic)).toBe(false);
    expect(canAttachEvidence(item('belum'), leader)).toBe(false);
  });
});
