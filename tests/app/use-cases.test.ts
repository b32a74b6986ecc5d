// The use cases of src/app on a real database, for what no transport reaches today: each checks
// its rule itself, so a request a transport did not filter (a forged dashboard call, a role taken
// away between a button and the upload) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberActor } from '../../src/app/actors.ts';
import { memberActor } from '../../src/app/actors.ts';
import { assignNewItem } from '../../src/app/assignments.ts';
import type { NewEvidence } from '../../src/app/evidence.ts';
import { attachItemEvidence } from '../../src/app/evidence.ts';
import { recordIndicatorValue } from '../../src/app/scores.ts';
import { scheduleStage } from '../../src/app/stages.ts';
import { loadEvaluationContext } from '../../src/db/evaluations.ts';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const NOW = new Date('2024-09-20T01:00:00Z');
const LINK: NewEvidence = { kind: 'link', url: 'https://contoh.go.id/sk', fileName: 'https://contoh.go.id/sk', telegramFileId: null, telegramFileUnique: null, fileSize: null, mimeType: null };
let t: TestDb;
let workspaceId: number;
let evaluationId: number;
let bappeda: number;
let rina: MemberActor;
let budi: MemberActor;
let sekda: MemberActor;

beforeAll(async () => {
  t = createTestDb();
  workspaceId = await seedDemoWorkspace(t.db);
  evaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspaceId } })).id;
  bappeda = (await t.db.opd.findFirstOrThrow({ where: { workspaceId, code: 'bappeda' } })).id;
  const person = async (telegramId: bigint) => (await t.db.person.findUniqueOrThrow({ where: { telegramId } })).id;
  rina = memberActor({ personId: await person(900_001n), roles: ['koordinator'], opdIds: [] });
  budi = memberActor({ personId: await person(900_002n), roles: ['pic'], opdIds: [bappeda] });
  sekda = memberActor({ personId: await person(900_003n), roles: ['pimpinan'], opdIds: [] });
});
afterAll(() => t.close());

const written = async () => [await t.db.checklistItem.count(), await t.db.evidence.count(), await t.db.auditEntry.count(), await t.db.score.count(), await t.db.stage.findMany()];
const assign = (over: Partial<Parameters<typeof assignNewItem>[1]>) => assignNewItem(t.db, {
  workspaceId, actor: rina, evaluationId, opdId: bappeda, indicatorId: null, stage: 'dokumen', title: 'SK Tim SPBE', dueDate: null, assigneeId: null, now: NOW, ...over,
});

describe('assignNewItem', () => {
  it('tells the assignee, unless they assigned it to themselves', async () => {
    const told = await assign({ assigneeId: budi.personId });
    expect(told.ok && told.notice?.person.id).toBe(budi.personId);
    expect(told.ok && told.due).toBe('2024-09-30');
    const self = await assign({ actor: { ...budi, roles: ['koordinator', 'pic'] }, assigneeId: budi.personId });
    expect(self.ok && self.notice).toBeNull();
  });

  it('refuses a non-koordinator, a person who is no PIC of the OPD, an OPD of another workspace', async () => {
    const other = await t.db.workspace.create({ data: { slug: 'lain', name: 'Lain', timeZone: 'Asia/Jakarta', opds: { create: { code: 'x', name: 'X' } } }, include: { opds: true } });
    const before = await written();
    expect(await assign({ actor: budi })).toEqual({ ok: false, problem: 'refused', reason: 'Hanya koordinator yang dapat melakukan ini.' });
    expect(await assign({ assigneeId: sekda.personId })).toEqual({ ok: false, problem: 'not-pic' });
    expect(await assign({ opdId: other.opds[0]!.id })).toEqual({ ok: false, problem: 'stale' });
    expect(await assign({ dueDate: '2024-02-30' })).toEqual({ ok: false, problem: 'malformed-due' });
    expect(await written()).toEqual(before);
  });
});

describe('attachItemEvidence', () => {
  it('refuses a pimpinan and an item closed since the button was pressed, writing nothing', async () => {
    const made = await assign({ assigneeId: budi.personId });
    const itemId = made.ok ? made.item.id : 0;
    const before = await written();
    const pimpinan = await attachItemEvidence(t.db, { workspaceId, actor: sekda, itemId, evidence: LINK, now: NOW });
    expect(pimpinan).toMatchObject({ ok: false, problem: 'refused', reason: expect.stringContaining('Pimpinan hanya dapat melihat') });
    await t.db.checklistItem.update({ where: { id: itemId }, data: { status: 'dibatalkan' } });
    const closed = await attachItemEvidence(t.db, { workspaceId, actor: budi, itemId, evidence: LINK, now: NOW });
    expect(closed).toMatchObject({ ok: false, problem: 'refused', reason: expect.stringContaining('Item sudah dibatalkan') });
    expect(await attachItemEvidence(t.db, { workspaceId: workspaceId + 1, actor: budi, itemId, evidence: LINK, now: NOW })).toEqual({ ok: false, problem: 'stale' });
    expect(await written()).toEqual(before);
  });
});

describe('attachItemEvidence twice', () => {
  it('keeps the same link or file once (a double tap, a form sent twice), and another link as its own', async () => {
    const made = await assign({ assigneeId: budi.personId });
    const itemId = made.ok ? made.item.id : 0;
    const first = await attachItemEvidence(t.db, { workspaceId, actor: budi, itemId, evidence: LINK, now: NOW });
    expect(first).toMatchObject({ ok: true, to: 'diajukan' });
    const before = await written();
    expect(await attachItemEvidence(t.db, { workspaceId, actor: budi, itemId, evidence: LINK, now: NOW })).toMatchObject({ ok: true, to: 'diajukan' });
    expect(await written()).toEqual(before);
    const file: NewEvidence = { kind: 'document', url: null, fileName: 'sk.pdf', telegramFileId: 'f1', telegramFileUnique: 'u1', fileSize: 10, mimeType: 'application/pdf' };
    await attachItemEvidence(t.db, { workspaceId, actor: budi, itemId, evidence: file, now: NOW });
    await attachItemEvidence(t.db, { workspaceId, actor: budi, itemId, evidence: { ...file, telegramFileId: 'f1-again' }, now: NOW });
    await attachItemEvidence(t.db, { workspaceId, actor: budi, itemId, evidence: { ...LINK, url: 'https://contoh.go.id/sk-2' }, now: NOW });
    const rows = await t.db.evidence.findMany({ where: { itemId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.url ?? r.fileName)).toEqual(['https://contoh.go.id/sk', 'sk.pdf', 'https://contoh.go.id/sk-2']);
  });
});

describe('scheduleStage and recordIndicatorValue', () => {
  it('refuse a non-koordinator and a hand-made date, writing nothing', async () => {
    const before = await written();
    const request = { workspaceId, stage: 'dokumen' as const, date: '2024-10-01', time: null, now: NOW };
    expect(await scheduleStage(t.db, { ...request, actor: budi })).toMatchObject({ ok: false, problem: 'refused' });
    expect(await scheduleStage(t.db, { ...request, actor: rina, date: '01-10-2024' })).toEqual({ ok: false, problem: 'malformed' });
    expect(await scheduleStage(t.db, { ...request, actor: rina, time: '9:5' })).toEqual({ ok: false, problem: 'malformed' });
    const context = await loadEvaluationContext(t.db, workspaceId);
    const value = { context, indicatorNo: 12, valueText: '4', external: null, stage: null, note: null };
    expect(await recordIndicatorValue(t.db, { ...value, actor: sekda })).toMatchObject({ ok: false, problem: 'refused' });
    expect(await recordIndicatorValue(t.db, { ...value, actor: rina, indicatorNo: 48 })).toEqual({ ok: false, problem: 'indicator' });
    expect(await written()).toEqual(before);
  });
});
