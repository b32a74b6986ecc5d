// The live demo's checklist (src/db/demo-live.ts): generated from the framework as /siapkan does
// (one item per indicator and level, with the demo's own indicator→OPD map), then each item put
// in the state the demo file gives its indicator, level by level: accepted levels from the
// bottom, then what is submitted, sent back, in progress, not started or overdue. Accepted
// levels come first so the evidence-backed level reads as an assessor would read it.
import type { ItemStatus } from '../domain/checklists.ts';
import type { Stage } from '../domain/stages.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Actor } from './audit.ts';
import { generateChecklistItems } from './checklist-seeding.ts';
import type { Db } from './client.ts';

/**
 * One letter per level in the demo file: S selesai, D diajukan, R revisi, P proses, B belum,
 * O belum and overdue, L proses and overdue.
 */
export type DemoItemState = 'S' | 'D' | 'R' | 'P' | 'B' | 'O' | 'L';

interface StateShape {
  status: ItemStatus;
  /** accepted at the document stage; the rest is due before the interview */
  stage: Stage;
  /** its own due date, in days from today (null: the stage's deadline) */
  dueInDays: number | null;
  /** when the status was last set, in days before today */
  changedDaysAgo: number;
  evidence: 'none' | 'document' | 'document+link';
}

const SHAPES: Record<DemoItemState, StateShape> = {
  S: { status: 'selesai', stage: 'dokumen', dueInDays: null, changedDaysAgo: 8, evidence: 'document' },
  D: { status: 'diajukan', stage: 'interviu', dueInDays: null, changedDaysAgo: 1, evidence: 'document+link' },
  R: { status: 'revisi', stage: 'interviu', dueInDays: null, changedDaysAgo: 2, evidence: 'document' },
  P: { status: 'proses', stage: 'interviu', dueInDays: 3, changedDaysAgo: 3, evidence: 'none' },
  B: { status: 'belum', stage: 'interviu', dueInDays: null, changedDaysAgo: 20, evidence: 'none' },
  O: { status: 'belum', stage: 'interviu', dueInDays: -3, changedDaysAgo: 20, evidence: 'none' },
  L: { status: 'proses', stage: 'interviu', dueInDays: -1, changedDaysAgo: 6, evidence: 'none' },
};

const isDemoItemState = (letter: string): letter is DemoItemState => Object.hasOwn(SHAPES, letter);

export interface DemoItemsInput {
  workspaceId: number;
  evaluationId: number;
  actor: Actor;
  today: Date;
  /** the local date 'YYYY-MM-DD' that many days from today, in the evaluation's year */
  dayFromToday: (days: number) => string;
  ownershipFile: string;
  /** indicator number → one state letter per level, 1 to 5 */
  states: Readonly<Record<string, string>>;
  revisionReasons: readonly string[];
  /** OPD id → the person id of its PIC */
  picOf: ReadonlyMap<number, number>;
}

const DAY_MS = 86_400_000;

/** Generates the checklist and sets every item's state; returns how many items there are. */
export async function seedLiveDemoItems(db: Db, input: DemoItemsInput): Promise<number> {
  await generateChecklistItems(db, {
    workspaceId: input.workspaceId, evaluationId: input.evaluationId, actor: input.actor, now: input.today,
    ownershipFile: input.ownershipFile,
  });
  const items = await db.checklistItem.findMany({
    where: { evaluationId: input.evaluationId, level: { not: null } },
    select: { id: true, opdId: true, level: true, indicator: { select: { no: true } } },
    orderBy: { id: 'asc' },
  });
  let revisions = 0;
  await db.$transaction(async (tx) => {
    for (const item of items) {
      const letter = input.states[String(item.indicator?.no)]?.[item.level! - 1] ?? 'B';
      const shape = SHAPES[isDemoItemState(letter) ? letter : 'B'];
      // The top level, untouched, has nobody yet (its OPD's PICs are reminded); the rest is the PIC's.
      const assigneeId = letter === 'B' && item.level === 5 ? null : input.picOf.get(item.opdId) ?? null;
      const at = new Date(input.today.getTime() - shape.changedDaysAgo * DAY_MS);
      const reason = shape.status === 'revisi' ? input.revisionReasons[revisions++ % input.revisionReasons.length] ?? null : null;
      await tx.checklistItem.update({
        where: { id: item.id },
        data: {
          status: shape.status, stage: shape.stage, statusAt: at, assigneeId, revisionReason: reason,
          dueDate: shape.dueInDays === null ? null : input.dayFromToday(shape.dueInDays),
        },
      });
      if (shape.evidence === 'none') continue;
      const no = item.indicator!.no;
      const level = item.level!;
      const base = { itemId: item.id, addedById: assigneeId ?? input.actor.personId!, createdAt: new Date(at.getTime() - DAY_MS) };
      const none = { telegramFileId: null, telegramFileUnique: null, fileName: null, fileSize: null, mimeType: null, url: null };
      // Made-up file ids: the bot keeps a file id and never downloads or resends evidence.
      const evidence: Prisma.EvidenceCreateManyInput[] = [{
        ...base, ...none, kind: 'document', telegramFileId: `demo-bukti-${no}-${level}`, telegramFileUnique: `demo-u-${no}-${level}`,
        fileName: `bukti-indikator-${no}-tingkat-${level}.pdf`, fileSize: 150_000 + no * 3_000 + level * 700, mimeType: 'application/pdf',
      }];
      if (shape.evidence === 'document+link' || (letter === 'S' && (no + level) % 3 === 0)) {
        evidence.push({ ...base, ...none, kind: 'link', url: `https://example.org/demo-pemdi/indikator-${no}/tingkat-${level}` });
      }
      await tx.evidence.createMany({ data: evidence });
    }
  }, { timeout: 60_000 });
  return items.length;
}
