// The sandbox's live demo (prisma/data/demo/pemdi-live.json): a Pemdi evaluation of the current
// year whose dates follow today, so every view has something to show. The self-assessment and
// the document stage are past with their values, the interview closes in a few days and the
// final result is next month; OPDs with PICs and a checklist in every state (demo-live-items.ts);
// reminders planned; Kab. Paser's published SPBE index since 2018 for the trend. It is marked
// (Workspace.demoBuiltAt) and rebuilt, dates moved, once built on an earlier day or when asked;
// a workspace without the mark is never touched. The demo people of demo.ts take part in it, and
// it becomes their workspace in a private chat.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, compareDates, daysInMonth, formatIsoDate, toLocalDate } from '../domain/dates.ts';
import type { LocalDate } from '../domain/dates.ts';
import { checkHistoryTable } from '../domain/history-import.ts';
import type { Table } from '../domain/score-import.ts';
import { checkScoreTable } from '../domain/score-import.ts';
import type { Stage } from '../domain/stages.ts';
import { parseStage } from '../domain/stages.ts';
import { parseTargetIndex } from '../domain/workspace-rules.ts';
import type { Actor } from './audit.ts';
import { CLI_ACTOR } from './audit.ts';
import type { Db } from './client.ts';
import { DEMO_PEOPLE } from './demo.ts';
import { seedLiveDemoItems } from './demo-live-items.ts';
import { findFrameworkById, findFrameworkIdByCode, listFrameworkDefs } from './frameworks.ts';
import { savePastResults } from './history.ts';
import { createOpd } from './opds.ts';
import { grantRole, upsertPerson } from './people.ts';
import { replanWorkspace } from './reminder-plan.ts';
import { applyScoreImport } from './scores.ts';
import { createWorkspace } from './workspaces.ts';

const DEMO_DIR = new URL('../../prisma/data/demo/', import.meta.url);
const LIVE_FILE = fileURLToPath(new URL('pemdi-live.json', DEMO_DIR));
const ownershipFileOf = (framework: string) => fileURLToPath(new URL(`${framework}-owners.json`, DEMO_DIR));

/** The live demo's group: not the SPBE demo's (DEMO_GROUP_ID), which a database may still have. */
export const LIVE_DEMO_GROUP_ID = -1_009_000_000_002n;

interface StagePlan {
  days?: number;
  months?: number;
  time?: string;
}

interface TableData {
  header: string[];
  rows: string[][];
}

export interface LiveDemoFile {
  workspace: { slug: string; name: string; timeZone: string; target: string; framework: string };
  group: string;
  opds: [string, string][];
  /** Telegram id, name, OPD code */
  pics: [number, string, string][];
  stages: Partial<Record<Stage, StagePlan>>;
  scores: Partial<Record<Stage, TableData>>;
  /** indicator number → one state letter per level (demo-live-items.ts) */
  items: Record<string, string>;
  revisionReasons: string[];
  history: TableData;
}

export interface LiveDemoOptions {
  /** rebuild even when it was built today */
  reset?: boolean;
}

export interface LiveDemo {
  workspaceId: number;
  workspaceName: string;
  timeZone: string;
  year: number;
  groupId: bigint;
  groupTitle: string;
  /** whether this call built it (anew or again) */
  rebuilt: boolean;
  builtAt: Date;
}

export class LiveDemoError extends Error {}

export function readLiveDemoFile(): LiveDemoFile {
  return JSON.parse(readFileSync(LIVE_FILE, 'utf8')) as LiveDemoFile;
}

/** Built on another day (in the workspace's zone) than today: its dates no longer fit. */
export function isLiveDemoStale(builtAt: Date, today: Date, timeZone: string): boolean {
  return compareDates(toLocalDate(builtAt, timeZone), toLocalDate(today, timeZone)) !== 0;
}

const tableOf = (data: TableData): Table => ({ header: data.header, rows: data.rows.map((cells, i) => ({ rowNo: i + 2, cells })) });

/** Today moved by the plan; a date before the evaluation's year starts is the year's first day. */
function plannedDate(plan: StagePlan, today: LocalDate): LocalDate {
  let date = addDays(today, plan.days ?? 0);
  if (plan.months) {
    const m = today.month - 1 + plan.months;
    const year = today.year + Math.floor(m / 12);
    const month = (m % 12) + 1;
    date = { year, month, day: Math.min(today.day, daysInMonth(year, month)) };
  }
  const first = { year: today.year, month: 1, day: 1 };
  return compareDates(date, first) < 0 ? first : date;
}

/**
 * Makes sure the live demo exists and is today's: built when missing, rebuilt when built on an
 * earlier day or with `reset`. Points the demo people's private chats at it either way.
 */
export async function seedLiveDemo(db: Db, today: Date, options: LiveDemoOptions = {}): Promise<LiveDemo> {
  const file = readLiveDemoFile();
  const existing = await db.workspace.findUnique({ where: { slug: file.workspace.slug } });
  if (existing && existing.demoBuiltAt === null) {
    throw new LiveDemoError(`Workspace "${existing.slug}" bukan workspace demo; sandbox tidak mengubahnya. Ganti slug workspace itu untuk memakai demo.`);
  }
  let workspace = existing;
  let rebuilt = false;
  if (!workspace || options.reset || isLiveDemoStale(workspace.demoBuiltAt!, today, workspace.timeZone)) {
    if (workspace) await removeLiveDemo(db, workspace.id);
    workspace = await db.workspace.findUniqueOrThrow({ where: { id: await buildLiveDemo(db, file, today) } });
    rebuilt = true;
  } else {
    await pointDemoPeopleAt(db, workspace.id, today);
  }
  const evaluation = await db.evaluation.findFirstOrThrow({ where: { workspaceId: workspace.id }, orderBy: { year: 'desc' } });
  return {
    workspaceId: workspace.id, workspaceName: workspace.name, timeZone: workspace.timeZone, year: evaluation.year,
    groupId: LIVE_DEMO_GROUP_ID, groupTitle: file.group, rebuilt, builtAt: workspace.demoBuiltAt!,
  };
}

/** The demo and everything of it; rows that name a workspace without a foreign key go too. */
async function removeLiveDemo(db: Db, workspaceId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.flowState.deleteMany({ where: { OR: [{ workspaceId }, { telegramChatId: LIVE_DEMO_GROUP_ID }] } });
    await tx.checklistImport.deleteMany({ where: { workspaceId } });
    await tx.person.updateMany({ where: { activeWorkspaceId: workspaceId }, data: { activeWorkspaceId: null } });
    await tx.workspace.delete({ where: { id: workspaceId } });
  });
}

/** The demo people answer for the live demo in a private chat, and can be written to there. */
async function pointDemoPeopleAt(db: Db, workspaceId: number, today: Date): Promise<void> {
  const telegramIds = DEMO_PEOPLE.map((p) => p.telegramId);
  await db.person.updateMany({ where: { telegramId: { in: telegramIds } }, data: { activeWorkspaceId: workspaceId } });
  await db.person.updateMany({ where: { telegramId: { in: telegramIds }, privateChatAt: null }, data: { privateChatAt: today } });
}

async function buildLiveDemo(db: Db, file: LiveDemoFile, today: Date): Promise<number> {
  const spec = file.workspace;
  const frameworkId = await findFrameworkIdByCode(db, spec.framework);
  const framework = frameworkId === null ? null : await findFrameworkById(db, frameworkId);
  if (!framework) throw new LiveDemoError(`kerangka demo ${spec.framework} belum dimuat`);
  const todayLocal = toLocalDate(today, spec.timeZone);
  const [rina] = DEMO_PEOPLE;
  const { workspace, evaluation } = await createWorkspace(db, {
    slug: spec.slug, name: spec.name, timeZone: spec.timeZone, targetUnits: parseTargetIndex(spec.target),
    frameworkId: framework.id, year: todayLocal.year, admin: { telegramId: rina!.telegramId, displayName: rina!.name },
  }, CLI_ACTOR);
  // Marked at once, as built long ago: a build that stops half way is rebuilt on the next start.
  await db.workspace.update({ where: { id: workspace.id }, data: { demoBuiltAt: new Date(0) } });

  const opds = new Map<string, number>();
  for (const [code, name] of file.opds) opds.set(code, (await createOpd(db, workspace.id, code, name, CLI_ACTOR)).id);
  const picOf = new Map<number, number>();
  const personIds = new Map<bigint, number>();
  const people = [
    ...DEMO_PEOPLE.map((p) => ({ telegramId: p.telegramId, name: p.name, role: p.role, opd: p.opd })),
    ...file.pics.map(([id, name, opd]) => ({ telegramId: BigInt(id), name, role: 'pic' as const, opd })),
  ];
  for (const person of people) {
    const row = await upsertPerson(db, { id: person.telegramId, displayName: person.name, username: null });
    const opdId = person.opd === undefined ? null : opds.get(person.opd) ?? null;
    await grantRole(db, workspace.id, row.id, person.role, opdId);
    personIds.set(person.telegramId, row.id);
    if (opdId !== null && !picOf.has(opdId)) picOf.set(opdId, row.id);
  }
  // Before the reminders are planned: the demo people get theirs privately too.
  await pointDemoPeopleAt(db, workspace.id, today);
  // The values as a coordinator would import the self-assessment and the assessors' results.
  const importer: Actor = { via: 'cli', personId: personIds.get(rina!.telegramId)! };

  for (const [kind, plan] of Object.entries(file.stages) as [Stage, StagePlan][]) {
    await db.stage.update({
      where: { evaluationId_kind: { evaluationId: evaluation.id, kind } },
      data: { dueDate: formatIsoDate(plannedDate(plan, todayLocal)), dueTime: plan.time ?? null },
    });
  }
  for (const [kind, data] of Object.entries(file.scores)) {
    const stage = parseStage(kind);
    const checked = checkScoreTable(tableOf(data), framework.def);
    if (!stage || !checked.ok) throw new LiveDemoError(`nilai demo tahap ${kind} tidak sah: ${checked.ok ? kind : checked.errors.join(' ')}`);
    await applyScoreImport(db, {
      evaluationId: evaluation.id, workspaceId: workspace.id, stage, indicatorIds: framework.indicatorIds, rows: checked.rows,
    }, importer);
  }
  await seedLiveDemoItems(db, {
    workspaceId: workspace.id, evaluationId: evaluation.id, actor: importer, today,
    dayFromToday: (days) => formatIsoDate(plannedDate({ days }, todayLocal)), ownershipFile: ownershipFileOf(spec.framework),
    states: file.items, revisionReasons: file.revisionReasons, picOf,
  });
  const history = checkHistoryTable(tableOf(file.history), await listFrameworkDefs(db));
  if (!history.ok) throw new LiveDemoError(`riwayat demo tidak sah: ${history.errors.join(' ')}`);
  await savePastResults(db, workspace.id, history.rows, CLI_ACTOR);
  await db.chat.create({ data: { workspaceId: workspace.id, telegramChatId: LIVE_DEMO_GROUP_ID, title: file.group, type: 'supergroup' } });

  await db.$transaction(async (tx) => {
    await replanWorkspace(tx, workspace.id, today);
    await tx.workspace.update({ where: { id: workspace.id }, data: { demoBuiltAt: today } });
  });
  return workspace.id;
}
