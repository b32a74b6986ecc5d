// The demo workspace of the local sandbox (prisma/data/demo/): a real SPBE evaluation with
// levels per stage, OPDs, stage dates, three demo people and a linked demo group.
import { VALUE_SCALE } from '../domain/framework-types.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PastResultInput } from '../domain/history-import.ts';
import type { Role } from '../domain/roles.ts';
import type { Stage } from '../domain/stages.ts';
import { parseTargetIndex } from '../domain/workspace-rules.ts';
import { CLI_ACTOR } from './audit.ts';
import type { Db } from './client.ts';
import { findFrameworkById, findFrameworkIdByCode } from './frameworks.ts';
import { savePastResults } from './history.ts';
import { createOpd } from './opds.ts';
import { grantRole, upsertPerson } from './people.ts';
import { applyScoreImport } from './scores.ts';
import { createWorkspace, findWorkspaceBySlug } from './workspaces.ts';

const DEMO_FILE = fileURLToPath(new URL('../../prisma/data/demo/kaltim-2024.json', import.meta.url));

interface DemoFile {
  workspace: { slug: string; name: string; timeZone: string; target: number; year: number; framework: string };
  opds: [string, string][];
  stages: Record<Stage, { due?: string; time?: string }>;
  levels: Partial<Record<Stage, number[]>>;
}

export interface DemoPerson {
  telegramId: bigint;
  name: string;
  role: Role;
  opd?: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { telegramId: 900_001n, name: 'Rina (Koordinator Diskominfo)', role: 'koordinator' },
  { telegramId: 900_002n, name: 'Budi (PIC Bappeda)', role: 'pic', opd: 'bappeda' },
  { telegramId: 900_003n, name: 'Pak Sekda (Pimpinan)', role: 'pimpinan' },
];
export const DEMO_GROUP_ID = -1_009_000_000_001n;

/**
 * Kaltim's official results before the demo year, so the report's trend has a past: only what
 * the published sources state. 2023: 2,91 Baik (docs/domain.md; in the news of Diskominfo Kaltim
 * and PRANALA.CO on the 2024 result); its domain values were not published there, so none are given.
 */
export const DEMO_HISTORY: PastResultInput[] = [
  { year: 2023, indexUnits: 29_100, predicate: 'Baik', frameworkCode: 'spbe-2020', source: 'Berita Diskominfo Kaltim dan PRANALA.CO', domains: [] },
];

/** Creates the demo workspace once; returns its id (an existing one is left as it is). */
export async function seedDemoWorkspace(db: Db): Promise<number> {
  const demo = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as DemoFile;
  const existing = await findWorkspaceBySlug(db, demo.workspace.slug);
  if (existing) return existing.id;
  const frameworkId = await findFrameworkIdByCode(db, demo.workspace.framework);
  const framework = frameworkId === null ? null : await findFrameworkById(db, frameworkId);
  if (!framework) throw new Error(`demo framework ${demo.workspace.framework} is not loaded`);
  const { workspace, evaluation } = await createWorkspace(db, {
    slug: demo.workspace.slug, name: demo.workspace.name, timeZone: demo.workspace.timeZone,
    targetUnits: parseTargetIndex(String(demo.workspace.target)), frameworkId: framework.id, year: demo.workspace.year,
    admin: { telegramId: DEMO_PEOPLE[0]!.telegramId, displayName: DEMO_PEOPLE[0]!.name },
  }, CLI_ACTOR);
  const opds = new Map<string, number>();
  for (const [code, name] of demo.opds) opds.set(code, (await createOpd(db, workspace.id, code, name, CLI_ACTOR)).id);
  for (const person of DEMO_PEOPLE) {
    const row = await upsertPerson(db, { id: person.telegramId, displayName: person.name, username: null });
    await grantRole(db, workspace.id, row.id, person.role, person.opd ? opds.get(person.opd)! : null);
  }
  for (const [stage, dates] of Object.entries(demo.stages)) {
    await db.stage.update({
      where: { evaluationId_kind: { evaluationId: evaluation.id, kind: stage } },
      data: { dueDate: dates.due ?? null, dueTime: dates.time ?? null },
    });
  }
  for (const [stage, levels] of Object.entries(demo.levels) as [Stage, number[]][]) {
    await applyScoreImport(db, {
      evaluationId: evaluation.id, workspaceId: workspace.id, stage, indicatorIds: framework.indicatorIds,
      rows: levels.map((level, i) => ({ rowNo: i + 2, indicatorNo: i + 1, value: level * VALUE_SCALE, note: null, external: null })),
    }, CLI_ACTOR);
  }
  await savePastResults(db, workspace.id, DEMO_HISTORY, CLI_ACTOR);
  await db.chat.create({ data: { workspaceId: workspace.id, telegramChatId: DEMO_GROUP_ID, title: 'Tim SPBE Kaltim (demo)', type: 'supergroup' } });
  return workspace.id;
}
