// checklist assign and checklist move: the CLI side of /tugaskan and of an item's buttons, through
// the same use cases (src/app/assignments.ts, src/app/checklists.ts), on a real database. The item
// and its moves are audited as the CLI's; the person the chat would have told is named as not told
// (the CLI cannot message anyone); a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberActor } from '../../src/app/actors.ts';
import { attachItemEvidence } from '../../src/app/evidence.ts';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const W = ['--workspace', 'demo-kaltim'];
const NOW = new Date('2024-09-20T01:00:00Z');
let t: TestDb;
let workspaceId: number;
let budi: { id: number; opdId: number };

beforeAll(async () => {
  t = createTestDb();
  workspaceId = await seedDemoWorkspace(t.db);
  const member = await t.db.member.findFirstOrThrow({ where: { workspaceId, person: { telegramId: 900_002n } }, include: { opds: true } });
  budi = { id: member.personId, opdId: member.opds[0]!.opdId };
  // Budi has opened the bot's private chat: his item's reminders are planned for him.
  await t.db.person.update({ where: { id: budi.id }, data: { privateChatAt: NOW } });
});
afterAll(() => t.close());

const run = (args: string[]) => cli(t.db, args, NOW);
const counts = async () => [await t.db.checklistItem.count(), await t.db.auditEntry.count(), await t.db.reminderDelivery.count()];
const UNTOLD = 'Budi (PIC Bappeda) (900002) tidak diberi tahu lewat Telegram; beri tahu langsung.';

describe('checklist assign', () => {
  it('creates the item for a PIC of the OPD, audited as the CLI, plans its reminders and says the PIC was not told', async () => {
    const done = await run(['checklist', 'assign', ...W, '--opd', 'bappeda', '--title', 'Unggah Peta Rencana SPBE', '--indicator', '12', '--due', '30-09-2024', '--pic', '900002']);
    expect(done).toMatchObject({ code: 0, stderr: '' });
    const id = Number(/^Butir #(\d+) /.exec(done.stdout)![1]);
    expect(done.stdout).toBe(`Butir #${id} dibuat: Unggah Peta Rencana SPBE — Bappeda — Budi (PIC Bappeda) — tenggat 30 September 2024.\n${UNTOLD}`);
    const item = await t.db.checklistItem.findUniqueOrThrow({ where: { id }, include: { indicator: true, opd: true } });
    expect(item).toMatchObject({ title: 'Unggah Peta Rencana SPBE', dueDate: '2024-09-30', stage: 'dokumen', status: 'belum', assigneeId: budi.id, createdById: null });
    expect([item.indicator?.no, item.opd.code]).toEqual([12, 'bappeda']);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'item', entityId: String(id) } });
    expect(audit).toMatchObject({ action: 'item.create', via: 'cli', actorId: null });
    expect(await t.db.reminderDelivery.count({ where: { state: 'pending', key: { startsWith: `item:${id}:2024-09-30:` } } })).toBeGreaterThan(0);
  });

  it('without --due takes the document stage\'s deadline; without --pic nobody is assigned and nobody is to be told', async () => {
    const done = await run(['checklist', 'assign', ...W, '--opd', 'bpkad', '--title', 'Laporan aset TIK']);
    const id = Number(/^Butir #(\d+) /.exec(done.stdout)![1]);
    expect(done.stdout).toBe(`Butir #${id} dibuat: Laporan aset TIK — BPKAD — tanpa penanggung jawab — tenggat 30 September 2024.`);
    expect(await t.db.checklistItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ dueDate: null, assigneeId: null, indicatorId: null });
  });

  it.each([
    [['--opd', 'bappeda', '--title', 'Judul', '--pic', '900003'], /"900003" bukan PIC OPD bappeda; PIC-nya: Budi \(PIC Bappeda\) \(900002\)\./],
    [['--opd', 'bpkad', '--title', 'Judul', '--pic', '900002'], /"900002" bukan PIC OPD bpkad; OPD ini belum memiliki PIC; tugaskan tanpa --pic\./],
    [['--opd', 'bappeda', '--title', 'Judul', '--pic', '123456'], /"123456" belum dikenal bot di Pemprov Kaltim \(demo\)\./],
    [['--opd', 'dishub', '--title', 'Judul'], /OPD "dishub" tidak ada di Pemprov Kaltim \(demo\)\./],
    [['--opd', 'bappeda', '--title', 'Judul', '--indicator', '99'], /indikator "99" tidak dikenal \(nomor 1–47\)\./],
    [['--opd', 'bappeda', '--title', 'ab'], /--title harus 3–200 karakter\./],
    [['--opd', 'bappeda', '--title', 'Judul', '--due', '2030-01-01'], /--due 2030-01-01 di luar masa evaluasi 2024: pilih antara 1 Januari 2024 dan 31 Desember 2025\./],
    [['--opd', 'bappeda', '--title', 'Judul', '--due', 'besok'], /--due "besok" bukan tanggal yang sah/],
  ])('refuses %j with exit 1 and writes nothing', async (args, message) => {
    const before = await counts();
    const refused = await run(['checklist', 'assign', ...W, ...args]);
    expect([refused.code, refused.stdout]).toEqual([1, '']);
    expect(refused.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});

describe('checklist move', () => {
  let id = 0;
  beforeAll(async () => {
    await t.db.person.update({ where: { id: budi.id }, data: { username: 'Budi_Bappeda' } });
    const done = await run(['checklist', 'assign', ...W, '--opd', 'bappeda', '--title', 'SK Tim Koordinasi SPBE', '--pic', '@budi_bappeda']);
    id = Number(/^Butir #(\d+) /.exec(done.stdout)![1]);
    expect((await itemOf()).assigneeId).toBe(budi.id);
  });

  const itemOf = () => t.db.checklistItem.findUniqueOrThrow({ where: { id } });
  const moves = () => t.db.auditEntry.count({ where: { action: 'item.status', entityId: String(id) } });

  it('refuses to submit without evidence, and to send back without a reason, writing nothing', async () => {
    const submit = await run(['checklist', 'move', ...W, '--item', String(id), '--action', 'ajukan']);
    expect([submit.code, submit.stderr]).toEqual([1, 'Galat: Lampirkan bukti dukung dulu sebelum mengajukan item.']);
    await attachItemEvidence(t.db, {
      workspaceId, actor: memberActor({ personId: budi.id, roles: ['pic'], opdIds: [budi.opdId] }), itemId: id, now: NOW,
      evidence: { kind: 'link', url: 'https://bappeda.example/sk', fileName: 'https://bappeda.example/sk', telegramFileId: null, telegramFileUnique: null, fileSize: null, mimeType: null },
    });
    expect((await itemOf()).status).toBe('diajukan');
    const before = [await moves(), await t.db.auditEntry.count()];
    const back = await run(['checklist', 'move', ...W, '--item', String(id), '--action', 'kembalikan']);
    expect([back.code, back.stderr]).toEqual([1, 'Galat: Tuliskan alasan pengembalian agar PIC tahu apa yang harus diperbaiki.']);
    expect([await moves(), await t.db.auditEntry.count()]).toEqual(before);
    expect((await itemOf()).status).toBe('diajukan');
  });

  it('sends it back with a reason and accepts the resubmission, each audited as the CLI, naming the assignee not told', async () => {
    const back = await run(['checklist', 'move', ...W, '--item', `#${id}`, '--action', 'kembalikan', '--reason', 'Belum ditandatangani']);
    expect(back).toMatchObject({ code: 0, stdout: `Butir #${id} SK Tim Koordinasi SPBE: kini Revisi.\n${UNTOLD}` });
    expect(await itemOf()).toMatchObject({ status: 'revisi', revisionReason: 'Belum ditandatangani' });
    const again = await run(['checklist', 'move', ...W, '--item', String(id), '--action', 'ajukan']);
    expect(again.stdout).toBe(`Butir #${id} SK Tim Koordinasi SPBE: kini Diajukan.`);
    const accepted = await run(['checklist', 'move', ...W, '--item', String(id), '--action', 'setujui']);
    expect(accepted.stdout).toBe(`Butir #${id} SK Tim Koordinasi SPBE: kini Selesai.\n${UNTOLD}`);
    const audits = await t.db.auditEntry.findMany({ where: { action: 'item.status', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.via, a.actorId, JSON.parse(a.detail).ke])).toEqual([['cli', null, 'revisi'], ['cli', null, 'diajukan'], ['cli', null, 'selesai']]);
  });

  it.each([
    [() => ['--item', String(id), '--action', 'setujui'], /Item sudah selesai; koordinator dapat membukanya kembali bila perlu diubah\./],
    [() => ['--item', '999999', '--action', 'setujui'], /butir #999999 tidak ada di Pemprov Kaltim \(demo\), atau baru saja diubah orang lain; periksa lagi\./],
    [() => ['--item', 'dua', '--action', 'setujui'], /--item "dua" bukan nomor butir/],
    [() => ['--item', String(id), '--action', 'hapus'], /--action "hapus" tidak dikenal; pilihan: mulai, ajukan, setujui, kembalikan, batalkan, buka\./],
  ])('refuses a replay, an unknown item or action, with exit 1 and nothing written (%#)', async (args, message) => {
    const before = [await counts(), await itemOf()];
    const refused = await run(['checklist', 'move', ...W, ...args()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(message);
    expect([await counts(), await itemOf()]).toEqual(before);
  });

  it('finds no item of another workspace', async () => {
    expect((await run(['workspace', 'create', '--slug', 'paser', '--name', 'Pemkab Paser', '--tz', 'WITA'])).code).toBe(0);
    const refused = await run(['checklist', 'move', '--workspace', 'paser', '--item', String(id), '--action', 'buka', '--reason', 'cek']);
    expect(refused.stderr).toContain(`butir #${id} tidak ada di Pemkab Paser`);
    expect((await itemOf()).status).toBe('selesai');
  });
});
