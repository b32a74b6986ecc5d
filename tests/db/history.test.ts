// Past yearly results on a real database: saved by year with their domains, a year saved again
// replaced whole, each change audited with before and after, and nothing kept when a row fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { deletePastResult, listPastResults, planPastResults, savePastResults } from '../../src/db/history.ts';
import { listFrameworkDefs } from '../../src/db/frameworks.ts';
import { loadPastResults } from '../../src/db/report-data.ts';
import type { PastResultInput } from '../../src/domain/history-import.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
let workspaceId: number;
let otherId: number;
beforeAll(async () => {
  t = createTestDb();
  workspaceId = (await t.db.workspace.create({ data: { slug: 'paser', name: 'Kab. Paser', timeZone: 'Asia/Makassar' } })).id;
  otherId = (await t.db.workspace.create({ data: { slug: 'kaltim', name: 'Pemprov Kaltim', timeZone: 'Asia/Makassar' } })).id;
});
afterAll(() => t.close());

const paser2023: PastResultInput = {
  year: 2023, indexUnits: 29_000, predicate: 'Baik', frameworkCode: 'spbe-2020', source: 'LHE 2023',
  domains: [{ no: 1, units: 30_000 }, { no: 2, units: 26_000 }, { no: 3, units: 20_000 }, { no: 4, units: 33_700 }],
};
const paser2018: PastResultInput = { year: 2018, indexUnits: 18_500, predicate: 'Cukup', frameworkCode: null, source: null, domains: [] };

const audits = (action: string) => t.db.auditEntry.findMany({ where: { action }, orderBy: { id: 'asc' } });

describe('savePastResults', () => {
  it('creates rows with their domains, lists them by year, and audits each year', async () => {
    const plan = await planPastResults(t.db, workspaceId, [paser2023, paser2018]);
    expect(plan).toEqual({ created: [2018, 2023], updated: [], unchanged: [] });
    expect(await t.db.pastResult.count()).toBe(0);

    const done = await savePastResults(t.db, workspaceId, [paser2023, paser2018], CLI_ACTOR);
    expect(done).toEqual({ created: [2018, 2023], updated: [], unchanged: [] });
    expect(await listPastResults(t.db, workspaceId)).toEqual([paser2018, paser2023]);
    expect(await t.db.pastDomainResult.count()).toBe(4);

    const entries = await audits('history.save');
    expect(entries.map((a) => [a.entity, a.entityId, a.via, a.workspaceId])).toEqual([
      ['past_result', '2023', 'cli', workspaceId], ['past_result', '2018', 'cli', workspaceId],
    ]);
    expect(JSON.parse(entries[0]!.detail)).toEqual({ before: null, after: paser2023 });
  });

  it('is read back by the report’s loader', async () => {
    const [first, second] = await loadPastResults(t.db, workspaceId);
    expect(first).toEqual({ year: 2018, totalUnits: 18_500, predicate: 'Cukup', frameworkCode: null, domains: [], source: null });
    expect(second!.domains).toEqual([{ no: 1, units: 30_000 }, { no: 2, units: 26_000 }, { no: 3, units: 20_000 }, { no: 4, units: 33_700 }]);
  });

  it('leaves an identical year alone: no write, no audit entry', async () => {
    const before = (await audits('history.save')).length;
    expect(await savePastResults(t.db, workspaceId, [paser2018], CLI_ACTOR)).toEqual({ created: [], updated: [], unchanged: [2018] });
    expect(await audits('history.save')).toHaveLength(before);
  });

  it('replaces a year whole, its domain rows included, and audits before and after', async () => {
    const revised: PastResultInput = { ...paser2023, indexUnits: 29_100, predicate: null, source: null, domains: [{ no: 4, units: 34_000 }] };
    expect(await savePastResults(t.db, workspaceId, [revised], CLI_ACTOR)).toEqual({ created: [], updated: [2023], unchanged: [] });
    const [, stored] = await listPastResults(t.db, workspaceId);
    expect(stored).toEqual(revised);
    expect(await t.db.pastDomainResult.count()).toBe(1);
    expect(await t.db.pastResult.count({ where: { year: 2023 } })).toBe(1);
    const last = (await audits('history.save')).at(-1)!;
    expect(JSON.parse(last.detail)).toEqual({ before: paser2023, after: revised });
  });

  it('keeps workspaces apart: the same year elsewhere is its own row', async () => {
    const kaltim = { ...paser2023, indexUnits: 29_100, domains: [] };
    expect((await savePastResults(t.db, otherId, [kaltim], CLI_ACTOR)).created).toEqual([2023]);
    expect(await listPastResults(t.db, otherId)).toEqual([kaltim]);
    expect((await listPastResults(t.db, workspaceId)).map((r) => r.indexUnits)).toEqual([18_500, 29_100]);
  });

  it('rolls back every row and audit entry when one row fails', async () => {
    const state = async () => ({
      rows: await listPastResults(t.db, workspaceId), domains: await t.db.pastDomainResult.count(), audits: await t.db.auditEntry.count(),
    });
    const before = await state();
    const good: PastResultInput = { ...paser2018, year: 2019, indexUnits: 16_900, predicate: 'Kurang' };
    // the same domain twice breaks the (pastResultId, domainNo) unique key after 2019 was written
    const bad: PastResultInput = { ...paser2018, year: 2020, domains: [{ no: 1, units: 20_000 }, { no: 1, units: 21_000 }] };
    await expect(savePastResults(t.db, workspaceId, [good, bad], CLI_ACTOR)).rejects.toThrow();
    expect(await state()).toEqual(before);
  });
});

describe('deletePastResult', () => {
  it('deletes one year with its domains and audits what it was', async () => {
    const kept = await listPastResults(t.db, workspaceId);
    const removed = await deletePastResult(t.db, workspaceId, 2023, CLI_ACTOR);
    expect(removed).toEqual(kept[1]);
    expect((await listPastResults(t.db, workspaceId)).map((r) => r.year)).toEqual([2018]);
    expect(await t.db.pastDomainResult.count({ where: { pastResult: { workspaceId } } })).toBe(0);
    expect((await listPastResults(t.db, otherId)).map((r) => r.year)).toEqual([2023]);
    const [entry] = await audits('history.delete');
    expect(entry).toMatchObject({ entity: 'past_result', entityId: '2023', workspaceId, via: 'cli' });
    expect(JSON.parse(entry!.detail)).toEqual({ before: kept[1] });
  });

  it('returns null for a year that is not there, and writes nothing', async () => {
    const count = await t.db.auditEntry.count();
    expect(await deletePastResult(t.db, workspaceId, 2030, CLI_ACTOR)).toBeNull();
    expect(await t.db.auditEntry.count()).toBe(count);
  });
});

describe('listFrameworkDefs', () => {
  it('gives every loaded framework', async () => {
    expect((await listFrameworkDefs(t.db)).map((f) => f.code).sort()).toEqual(['pemdi-2026', 'spbe-2020']);
  });
});

describe('the sandbox demo workspace', () => {
  it('has Kaltim’s published 2023 result, so the trend has a past year before 2024', async () => {
    const { DEMO_HISTORY, seedDemoWorkspace } = await import('../../src/db/demo.ts');
    const demo = createTestDb();
    try {
      const id = await seedDemoWorkspace(demo.db);
      expect(await listPastResults(demo.db, id)).toEqual([
        { year: 2023, indexUnits: 29_100, predicate: 'Baik', frameworkCode: 'spbe-2020', source: 'Berita Diskominfo Kaltim dan PRANALA.CO', domains: [] },
      ]);
      expect(DEMO_HISTORY).toHaveLength(1);
      // seeding again leaves the existing workspace, its history included, as it is
      await seedDemoWorkspace(demo.db);
      expect(await demo.db.pastResult.count()).toBe(1);
      expect(await demo.db.auditEntry.count({ where: { action: 'history.save', workspaceId: id } })).toBe(1);
    } finally {
      await demo.close();
    }
  });
});
