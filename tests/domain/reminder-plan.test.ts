// The reminder planner on fixed dates, without a clock or a database: which reminder goes to
// which chat at which instant. The holidays are a literal set copied from the 2026 SKB (the
// shipped file itself is checked in tests/db/reminder-plan.test.ts). Deadlines are in September
// 2026 unless said otherwise; in Asia/Makassar (WITA, UTC+8) 08.00 local is 00.00Z.
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/dates.ts';
import { addDays, compareDates, formatIsoDate } from '../../src/domain/dates.ts';
import type { PlanGroup, PlanInput, PlanItem, PlannedReminder, PlanPerson, ReminderKind } from '../../src/domain/reminder-plan.ts';
import { offsetDays, planReminders, reminderDay, sendingHour, workingMorning } from '../../src/domain/reminder-plan.ts';
import type { ReminderSettings } from '../../src/domain/reminder-settings.ts';
import { DEFAULT_SETTINGS, isQuietHour, STAGE_OFFSET_CHOICES } from '../../src/domain/reminder-settings.ts';
import { isWorkingDay } from '../../src/domain/working-days.ts';

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const iso = (date: LocalDate) => formatIsoDate(date);

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

// SKB 1497/2025, 2/2025, 5/2025: the Nyepi and Idul Fitri block, Easter, 17 Agustus, Maulid.
const HOLIDAYS: ReadonlySet<string> = new Set([
  '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24',
  '2026-04-03', '2026-04-05', '2026-08-17', '2026-08-25', '2026-12-24', '2026-12-25',
]);
const NONE: ReadonlySet<string> = new Set();

const EVALUATION = 1;
const GROUP = -1_001n;
const OPD_GROUP = -1_002n;
const BAPPEDA = 10;
const BPKAD = 11;

const person = (personId: number, over: Partial<PlanPerson> = {}): PlanPerson => ({
  personId, chatId: BigInt(100 + personId), reachable: true, isCoordinator: false, picOpdIds: [], ...over,
});
const budi = person(1, { picOpdIds: [BAPPEDA] });
const tono = person(2, { picOpdIds: [BAPPEDA], reachable: false }); // never opened the private chat
const sari = person(3, { picOpdIds: [BPKAD] });
const rina = person(4, { isCoordinator: true });
const dedi = person(5, { isCoordinator: true, reachable: false }); // blocked the bot
const ani = person(6); // staff of Bappeda, no role, assigned items
const EVERYONE = [budi, tono, sari, rina, dedi, ani];

const group = (chatId = GROUP, settings: Partial<ReminderSettings> = {}, opdId: number | null = null): PlanGroup => ({
  chatId, opdId, settings: { ...DEFAULT_SETTINGS, ...settings },
});
const item = (id: number, over: Partial<PlanItem> = {}): PlanItem => ({
  id, opdId: BAPPEDA, stage: 'dokumen', dueDate: null, assigneeId: null, ...over,
});

/** No digests unless a test asks for them, so each test sees only the rule it is about. */
const NO_DIGEST: Partial<ReminderSettings> = { digestDay: null };

function plan(over: Partial<PlanInput> = {}): PlannedReminder[] {
  return planReminders({
    timeZone: WITA, holidays: HOLIDAYS, evaluationId: EVALUATION, stages: [], groups: [],
    privateSettings: { ...DEFAULT_SETTINGS, ...NO_DIGEST }, people: EVERYONE, items: [], today: d(2026, 9, 1),
    ...over,
  });
}

const ofKind = (rows: PlannedReminder[], kind: ReminderKind) => rows.filter((r) => r.kind === kind);
/** [key, chat, instant] in time order, for exact comparison. */
const brief = (rows: PlannedReminder[]) =>
  [...rows].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key))
    .map((r) => [r.key, r.chatId, r.dueAt.toISOString()] as const);
const days = (list: { offset: number; day: LocalDate }[]) => list.map(({ offset, day }) => [offset, iso(day)]);

describe('reminderDay and offsetDays', () => {
  it('a Friday deadline: H-7, H-3, H-1 and hari H each on their own working day', () => {
    expect(days(offsetDays(d(2026, 9, 18), [7, 3, 1, 0], HOLIDAYS))).toEqual([
      [7, '2026-09-11'], [3, '2026-09-15'], [1, '2026-09-17'], [0, '2026-09-18'],
    ]);
  });

  it('a reminder on a weekend moves to Monday; two on one day are sent once, as the one closest to the deadline', () => {
    // Tuesday 22nd: H-3 is Saturday 19th, moved to Monday 21st, which is H-1's day.
    expect(iso(reminderDay(d(2026, 9, 22), 3, HOLIDAYS))).toBe('2026-09-21');
    expect(days(offsetDays(d(2026, 9, 22), [7, 3, 1, 0], HOLIDAYS))).toEqual([[7, '2026-09-15'], [1, '2026-09-21'], [0, '2026-09-22']]);
  });

  it('a Monday deadline: H-1 (Sunday) goes on the Friday before, not on the deadline day, and covers H-3 there', () => {
    expect(iso(reminderDay(d(2026, 9, 21), 1, HOLIDAYS))).toBe('2026-09-18');
    expect(days(offsetDays(d(2026, 9, 21), [1], HOLIDAYS))).toEqual([[1, '2026-09-18']]);
    expect(days(offsetDays(d(2026, 9, 21), [1, 0], HOLIDAYS))).toEqual([[1, '2026-09-18'], [0, '2026-09-21']]);
    expect(days(offsetDays(d(2026, 9, 21), [7, 3, 1, 0], HOLIDAYS))).toEqual([[7, '2026-09-14'], [1, '2026-09-18'], [0, '2026-09-21']]);
  });

  it('a deadline on a holiday (Monday 17 Agustus): hari H goes on Friday 14th, nothing after the deadline', () => {
    expect(iso(reminderDay(d(2026, 8, 17), 0, HOLIDAYS))).toBe('2026-08-14');
    expect(iso(reminderDay(d(2026, 8, 17), 1, HOLIDAYS))).toBe('2026-08-14');
    expect(days(offsetDays(d(2026, 8, 17), [7, 3, 1, 0], HOLIDAYS))).toEqual([[7, '2026-08-10'], [0, '2026-08-14']]);
    // the same Monday without the holiday: hari H on the day itself
    expect(days(offsetDays(d(2026, 8, 17), [0], NONE))).toEqual([[0, '2026-08-17']]);
  });

  it('a deadline just after the Nyepi–Idul Fitri block still gets its warning before the block', () => {
    // Wednesday 25 March: H-7 (18th), H-3 (22nd) and H-1 (24th) are all days off.
    expect(days(offsetDays(d(2026, 3, 25), [7, 3, 1, 0], HOLIDAYS))).toEqual([[1, '2026-03-17'], [0, '2026-03-25']]);
  });

  it('over a whole year: always a working day, never after the deadline, before it unless hari H, one per day', () => {
    for (let due = d(2026, 1, 1); due.year === 2026; due = addDays(due, 1)) {
      for (const offset of STAGE_OFFSET_CHOICES) {
        const day = reminderDay(due, offset, HOLIDAYS);
        expect(isWorkingDay(day, HOLIDAYS), `${iso(due)} H-${offset} alone`).toBe(true);
        expect(compareDates(day, due), `${iso(due)} H-${offset} alone`).toBe(offset === 0 && isWorkingDay(due, HOLIDAYS) ? 0 : -1);
      }
      const planned = offsetDays(due, STAGE_OFFSET_CHOICES, HOLIDAYS);
      for (const { offset, day } of planned) {
        expect(isWorkingDay(day, HOLIDAYS), `${iso(due)} H-${offset}`).toBe(true);
        expect(compareDates(day, due), `${iso(due)} H-${offset}`).toBe(offset === 0 && isWorkingDay(due, HOLIDAYS) ? 0 : -1);
      }
      expect(new Set(planned.map((p) => iso(p.day))).size).toBe(planned.length);
      expect(planned.some((p) => p.offset === 0), iso(due)).toBe(true);
    }
  });
});

describe('sendingHour and workingMorning', () => {
  it('the same 08.00 local is an hour apart across WIB, WITA and WIT', () => {
    const friday = d(2026, 9, 18);
    expect(workingMorning(friday, HOLIDAYS, DEFAULT_SETTINGS, WIB).toISOString()).toBe('2026-09-18T01:00:00.000Z');
    expect(workingMorning(friday, HOLIDAYS, DEFAULT_SETTINGS, WITA).toISOString()).toBe('2026-09-18T00:00:00.000Z');
    expect(workingMorning(friday, HOLIDAYS, DEFAULT_SETTINGS, WIT).toISOString()).toBe('2026-09-17T23:00:00.000Z');
  });

  it('a weekend or holiday moves to the next working morning', () => {
    expect(workingMorning(d(2026, 9, 19), HOLIDAYS, DEFAULT_SETTINGS, WITA).toISOString()).toBe('2026-09-21T00:00:00.000Z');
    expect(workingMorning(d(2026, 8, 17), HOLIDAYS, DEFAULT_SETTINGS, WITA).toISOString()).toBe('2026-08-18T00:00:00.000Z');
    expect(workingMorning(d(2026, 3, 20), HOLIDAYS, DEFAULT_SETTINGS, WITA).toISOString()).toBe('2026-03-25T00:00:00.000Z');
  });

  it('an hour inside quiet hours goes at their end; one outside them is kept', () => {
    expect(sendingHour({ ...DEFAULT_SETTINGS, hour: 22 })).toBe(6); // quiet 20–06
    expect(sendingHour({ ...DEFAULT_SETTINGS, hour: 3 })).toBe(6);
    expect(sendingHour({ ...DEFAULT_SETTINGS, hour: 19 })).toBe(19);
    expect(sendingHour({ ...DEFAULT_SETTINGS, hour: 13, quietStart: 12, quietEnd: 14 })).toBe(14);
    expect(sendingHour({ ...DEFAULT_SETTINGS, hour: 22, quietStart: 0, quietEnd: 0 })).toBe(22); // no quiet hours
  });

  it('never sends inside quiet hours, whatever the hour and the quiet hours are', () => {
    for (let quietStart = 0; quietStart < 24; quietStart++) {
      for (let quietEnd = 0; quietEnd < 24; quietEnd++) {
        for (let hour = 0; hour < 24; hour++) {
          const settings = { ...DEFAULT_SETTINGS, hour, quietStart, quietEnd };
          expect(isQuietHour(settings, sendingHour(settings)), JSON.stringify(settings)).toBe(false);
        }
      }
    }
  });
});

describe('stage reminders to groups', () => {
  const dokumen = { kind: 'dokumen', dueDate: '2026-09-18' };

  it('H-7, H-3, H-1 and hari H of a Friday deadline at 08.00 WITA, keyed by stage, deadline, offset and group', () => {
    const rows = plan({ stages: [dokumen], groups: [group(GROUP, NO_DIGEST)], people: [] });
    expect(rows.every((r) => r.kind === 'stage-group')).toBe(true);
    expect(brief(rows)).toEqual([
      ['stage:1:dokumen:2026-09-18:7:g-1001', GROUP, '2026-09-11T00:00:00.000Z'],
      ['stage:1:dokumen:2026-09-18:3:g-1001', GROUP, '2026-09-15T00:00:00.000Z'],
      ['stage:1:dokumen:2026-09-18:1:g-1001', GROUP, '2026-09-17T00:00:00.000Z'],
      ['stage:1:dokumen:2026-09-18:0:g-1001', GROUP, '2026-09-18T00:00:00.000Z'],
    ]);
    expect(rows.find((r) => r.payload.offset === 3)!.payload).toEqual({ evaluationId: 1, stage: 'dokumen', dueDate: '2026-09-18', offset: 3, opdId: null });
  });

  it('the same local 08.00 in WIB, WITA and WIT: instants an hour apart, the same keys', () => {
    const at = (timeZone: string) => plan({ timeZone, stages: [dokumen], groups: [group(GROUP, NO_DIGEST)] });
    const wib = at(WIB);
    const wita = at(WITA);
    const wit = at(WIT);
    expect(wita.map((r) => r.key)).toEqual(wib.map((r) => r.key));
    expect(wit.map((r) => r.key)).toEqual(wib.map((r) => r.key));
    wib.forEach((r, i) => {
      expect(r.dueAt.getTime() - wita[i]!.dueAt.getTime()).toBe(3_600_000);
      expect(wita[i]!.dueAt.getTime() - wit[i]!.dueAt.getTime()).toBe(3_600_000);
    });
    expect(wib.map((r) => r.dueAt.toISOString())[3]).toBe('2026-09-18T01:00:00.000Z');
    expect(wit.map((r) => r.dueAt.toISOString())[3]).toBe('2026-09-17T23:00:00.000Z');
  });

  it('a deadline on 17 Agustus (a holiday): H-7 on Monday 10th, hari H on Friday 14th, nothing after the deadline', () => {
    const rows = plan({ stages: [{ kind: 'dokumen', dueDate: '2026-08-17' }], groups: [group(GROUP, NO_DIGEST)] });
    expect(rows.map((r) => [r.payload.offset, r.dueAt.toISOString()])).toEqual([
      [7, '2026-08-10T00:00:00.000Z'],
      [0, '2026-08-14T00:00:00.000Z'],
    ]);
  });

  it('a Monday deadline: H-7 Monday, H-1 on the Friday (covering H-3), hari H Monday — three messages', () => {
    const rows = plan({ stages: [{ kind: 'dokumen', dueDate: '2026-09-21' }], groups: [group(GROUP, NO_DIGEST)] });
    expect(rows.map((r) => [r.payload.offset, r.dueAt.toISOString()])).toEqual([
      [7, '2026-09-14T00:00:00.000Z'],
      [1, '2026-09-18T00:00:00.000Z'],
      [0, '2026-09-21T00:00:00.000Z'],
    ]);
  });

  it('a group hour inside quiet hours (22.00, quiet 20–06) is sent at 06.00 of the same day', () => {
    const rows = plan({ stages: [dokumen], groups: [group(GROUP, { ...NO_DIGEST, hour: 22 })] });
    // 06.00 WITA = 22.00Z the day before
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual([
      '2026-09-10T22:00:00.000Z', '2026-09-14T22:00:00.000Z', '2026-09-16T22:00:00.000Z', '2026-09-17T22:00:00.000Z',
    ]);
  });

  it('each group has its own hour and offsets', () => {
    const rows = plan({
      stages: [dokumen],
      groups: [group(GROUP, { ...NO_DIGEST, stageOffsets: [1] }), group(OPD_GROUP, { ...NO_DIGEST, hour: 10, stageOffsets: [0] }, BAPPEDA)],
    });
    expect(brief(rows)).toEqual([
      ['stage:1:dokumen:2026-09-18:1:g-1001', GROUP, '2026-09-17T00:00:00.000Z'],
      ['stage:1:dokumen:2026-09-18:0:g-1002', OPD_GROUP, '2026-09-18T02:00:00.000Z'],
    ]);
    expect(rows[1]!.payload.opdId).toBe(BAPPEDA);
  });

  it('a moved deadline gives all-new keys, each naming the new date', () => {
    const input = { stages: [dokumen], groups: [group()], items: [item(1)] };
    const before = plan(input).filter((r) => r.kind.startsWith('stage'));
    const after = plan({ ...input, stages: [{ kind: 'dokumen', dueDate: '2026-09-25' }] }).filter((r) => r.kind.startsWith('stage'));
    expect(after).toHaveLength(before.length);
    expect(before).toHaveLength(8); // 4 to the group, 4 to Budi
    expect(after.every((r) => r.key.includes(':2026-09-25:') && r.payload.dueDate === '2026-09-25')).toBe(true);
    const old = new Set(before.map((r) => r.key));
    expect(after.filter((r) => old.has(r.key))).toEqual([]);
  });

  it('no offsets chosen: no stage rows, while the weekly digest still comes', () => {
    const rows = plan({ stages: [dokumen], groups: [group(GROUP, { stageOffsets: [] })], people: [] });
    expect(ofKind(rows, 'stage-group')).toEqual([]);
    expect(ofKind(rows, 'digest-group').length).toBeGreaterThan(0);
  });

  it('a group with reminders off gets nothing; another group still gets its rows', () => {
    const rows = plan({ stages: [dokumen], groups: [group(GROUP, { enabled: false }), group(OPD_GROUP, NO_DIGEST, BAPPEDA)] });
    expect(rows.filter((r) => r.chatId === GROUP)).toEqual([]);
    expect(rows.filter((r) => r.chatId === OPD_GROUP)).toHaveLength(4);
  });

  it('without an evaluation, or with an unreadable date, there are no stage rows', () => {
    expect(plan({ evaluationId: null, stages: [dokumen], groups: [group(GROUP, NO_DIGEST)] })).toEqual([]);
    expect(plan({ stages: [{ kind: 'dokumen', dueDate: '18-09-2026' }], groups: [group(GROUP, NO_DIGEST)] })).toEqual([]);
  });

  it('no group row names anybody: group rows carry no person', () => {
    const rows = plan({ stages: [dokumen], groups: [group(), group(OPD_GROUP, {}, BAPPEDA)], items: [item(1, { assigneeId: ani.personId, dueDate: '2026-09-16' })] });
    const groupRows = rows.filter((r) => r.kind === 'stage-group' || r.kind === 'digest-group');
    expect(groupRows).toHaveLength(14); // 2 × (4 stage + 3 digests)
    expect(groupRows.every((r) => r.chatId < 0n && r.payload.personId === undefined && r.payload.itemIds === undefined && r.payload.itemId === undefined)).toBe(true);
    // and every private row goes to a person's own chat
    expect(rows.filter((r) => !groupRows.includes(r)).every((r) => r.chatId > 0n && r.payload.personId !== undefined)).toBe(true);
  });
});

describe('stage reminders to PICs, privately', () => {
  const dokumen = { kind: 'dokumen', dueDate: '2026-09-18' };

  it('only to reachable PICs whose OPD has open items of that stage, with the private offsets and hour', () => {
    const rows = plan({
      stages: [dokumen, { kind: 'interviu', dueDate: '2026-10-06' }],
      privateSettings: { ...DEFAULT_SETTINGS, ...NO_DIGEST, stageOffsets: [3, 0], hour: 9, itemOffsets: [] },
      // Bappeda has a dokumen item (Budi; Tono is PIC too but unreachable); BPKAD only an interviu item (Sari)
      items: [item(1, { assigneeId: ani.personId }), item(2, { opdId: BPKAD, stage: 'interviu' })],
    });
    expect(brief(ofKind(rows, 'stage-pic'))).toEqual([
      ['stage:1:dokumen:2026-09-18:3:p1', budi.chatId, '2026-09-15T01:00:00.000Z'],
      ['stage:1:dokumen:2026-09-18:0:p1', budi.chatId, '2026-09-18T01:00:00.000Z'],
      ['stage:1:interviu:2026-10-06:3:p3', sari.chatId, '2026-10-05T01:00:00.000Z'], // H-3 is Saturday 3rd
      ['stage:1:interviu:2026-10-06:0:p3', sari.chatId, '2026-10-06T01:00:00.000Z'],
    ]);
    expect(ofKind(rows, 'stage-pic')[0]!.payload).toEqual({ evaluationId: 1, stage: 'dokumen', dueDate: '2026-09-18', offset: 3, personId: 1 });
  });

  it('nobody is reminded of a stage with nothing open', () => {
    const rows = plan({ stages: [dokumen], items: [item(2, { opdId: BPKAD, stage: 'interviu' })] });
    expect(ofKind(rows, 'stage-pic').map((r) => r.payload.stage)).toEqual([]);
  });

  it('private reminders off: no stage-pic rows, the group still gets its own', () => {
    const rows = plan({ stages: [dokumen], groups: [group(GROUP, NO_DIGEST)], items: [item(1)], privateSettings: { ...DEFAULT_SETTINGS, enabled: false } });
    expect(rows.map((r) => r.kind)).toEqual(['stage-group', 'stage-group', 'stage-group', 'stage-group']);
  });
});

describe('item reminders', () => {
  const privateOnly = { ...DEFAULT_SETTINGS, ...NO_DIGEST };

  it('H-3 and H-1 before the item’s own date go to its assignee only', () => {
    // Wednesday 16th: H-3 is Sunday 13th, moved to Monday 14th
    const rows = plan({ items: [item(7, { dueDate: '2026-09-16', assigneeId: ani.personId })], privateSettings: privateOnly });
    expect(brief(ofKind(rows, 'item-due'))).toEqual([
      ['item:7:2026-09-16:3:p6', ani.chatId, '2026-09-14T00:00:00.000Z'],
      ['item:7:2026-09-16:1:p6', ani.chatId, '2026-09-15T00:00:00.000Z'],
    ]);
    expect(ofKind(rows, 'item-due')[0]!.payload).toEqual({ itemId: 7, dueDate: '2026-09-16', offset: 3, personId: 6 });
  });

  it('an unassigned item goes to its OPD’s reachable PICs', () => {
    const rows = plan({ items: [item(8, { dueDate: '2026-09-16' })], privateSettings: privateOnly });
    expect(brief(ofKind(rows, 'item-due'))).toEqual([
      ['item:8:2026-09-16:3:p1', budi.chatId, '2026-09-14T00:00:00.000Z'],
      ['item:8:2026-09-16:1:p1', budi.chatId, '2026-09-15T00:00:00.000Z'],
    ]);
  });

  it('an item due on the stage’s deadline (no date of its own) has no item reminder or overdue notice', () => {
    const rows = plan({ items: [item(9, { assigneeId: ani.personId })], privateSettings: privateOnly });
    expect(rows).toEqual([]);
  });

  it('one overdue notice the next working morning, to the assignee', () => {
    // due Friday 18th: the notice comes Monday 21st, 08.00 WITA
    const rows = plan({ items: [item(7, { dueDate: '2026-09-18', assigneeId: ani.personId })], privateSettings: privateOnly });
    expect(brief(ofKind(rows, 'item-overdue'))).toEqual([['overdue:7:2026-09-18:p6', ani.chatId, '2026-09-21T00:00:00.000Z']]);
    expect(ofKind(rows, 'item-overdue')[0]!.payload).toEqual({ itemId: 7, dueDate: '2026-09-18', personId: 6 });
  });

  it('coordinators get one message per day for every item that went overdue that day, not one per item', () => {
    const rows = plan({
      items: [
        item(9, { dueDate: '2026-09-21', assigneeId: ani.personId }), // Monday: notice Tuesday 22nd
        item(8, { dueDate: '2026-09-19' }), // Saturday: notice Monday 21st
        item(7, { dueDate: '2026-09-18', assigneeId: ani.personId }), // Friday: notice Monday 21st
        item(6, { dueDate: '2026-08-14', opdId: BPKAD }), // Friday before 17 Agustus: notice Tuesday 18th
      ],
      privateSettings: privateOnly,
    });
    const coord = ofKind(rows, 'overdue-coord');
    // Rina only: Dedi is a coordinator but blocked the bot
    expect(coord.every((r) => r.chatId === rina.chatId && r.payload.personId === rina.personId)).toBe(true);
    expect(coord.map((r) => [r.payload.date, r.payload.itemIds, r.dueAt.toISOString()]).sort()).toEqual([
      ['2026-08-18', [6], '2026-08-18T00:00:00.000Z'],
      ['2026-09-21', [7, 8], '2026-09-21T00:00:00.000Z'],
      ['2026-09-22', [9], '2026-09-22T00:00:00.000Z'],
    ]);
    expect(new Set(coord.map((r) => r.key)).size).toBe(3);
    // and each item's own notice goes to its assignee, or the OPD's reachable PICs
    expect(ofKind(rows, 'item-overdue').map((r) => [r.payload.itemId, r.chatId]).sort()).toEqual([
      [6, sari.chatId], [7, ani.chatId], [8, budi.chatId], [9, ani.chatId],
    ]);
  });

  it('a moved due date gives new keys; an unreachable assignee gets nothing', () => {
    const keys = (dueDate: string) => plan({ items: [item(7, { dueDate, assigneeId: ani.personId })], privateSettings: privateOnly })
      .filter((r) => r.kind !== 'overdue-coord').map((r) => r.key);
    expect(keys('2026-09-18')).toEqual(['item:7:2026-09-18:3:p6', 'item:7:2026-09-18:1:p6', 'overdue:7:2026-09-18:p6']);
    expect(keys('2026-09-25')).toEqual(['item:7:2026-09-25:3:p6', 'item:7:2026-09-25:1:p6', 'overdue:7:2026-09-25:p6']);
    const blocked = plan({ items: [item(7, { dueDate: '2026-09-18', assigneeId: tono.personId })], privateSettings: privateOnly });
    expect(blocked.filter((r) => r.chatId === tono.chatId)).toEqual([]);
  });

  it('private reminders off: no item reminders, overdue notices or private digests', () => {
    const rows = plan({ items: [item(7, { dueDate: '2026-09-18', assigneeId: ani.personId })], privateSettings: { ...DEFAULT_SETTINGS, enabled: false } });
    expect(rows).toEqual([]);
  });
});

describe('weekly digests', () => {
  it('a group gets the next two on its day at its hour, with counts only (besides last week’s, kept while pending)', () => {
    const rows = plan({ today: d(2026, 9, 9), groups: [group(GROUP, { digestDay: 1 }, null)] }); // a Wednesday, digest on Monday
    expect(brief(rows)).toEqual([
      ['digest:2026-09-07:g-1001', GROUP, '2026-09-07T00:00:00.000Z'],
      ['digest:2026-09-14:g-1001', GROUP, '2026-09-14T00:00:00.000Z'],
      ['digest:2026-09-21:g-1001', GROUP, '2026-09-21T00:00:00.000Z'],
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['digest-group', 'digest-group', 'digest-group']);
    expect(rows[1]!.payload).toEqual({ date: '2026-09-14', opdId: null });
  });

  it('on the digest day itself, today’s is the first upcoming one; Friday digests at 10.00', () => {
    const monday = plan({ today: d(2026, 9, 14), groups: [group(GROUP, { digestDay: 1 })] });
    expect(monday.map((r) => r.payload.date)).toEqual(['2026-09-07', '2026-09-14', '2026-09-21']);
    const friday = plan({ today: d(2026, 9, 14), groups: [group(GROUP, { digestDay: 5, hour: 10 })] });
    expect(friday.map((r) => r.dueAt.toISOString())).toEqual(['2026-09-11T02:00:00.000Z', '2026-09-18T02:00:00.000Z', '2026-09-25T02:00:00.000Z']);
  });

  it('a digest day on a holiday goes the next working morning, and is still planned that morning', () => {
    // Monday 17 Agustus: the digest goes on Tuesday 18th at 08.00; a replan early on the 18th keeps it
    for (const today of [d(2026, 8, 12), d(2026, 8, 17), d(2026, 8, 18)]) {
      const rows = plan({ today, groups: [group(GROUP, { digestDay: 1 })] });
      expect(brief(rows).find(([key]) => key === 'digest:2026-08-17:g-1001'), iso(today)).toEqual(['digest:2026-08-17:g-1001', GROUP, '2026-08-18T00:00:00.000Z']);
    }
  });

  it('privately only to reachable people with something open: assigned to them, or unassigned in their OPD', () => {
    const rows = plan({
      today: d(2026, 9, 9),
      privateSettings: { ...DEFAULT_SETTINGS, itemOffsets: [], digestDay: 2 },
      items: [item(1, { assigneeId: ani.personId }), item(2, { opdId: BPKAD }), item(3, { assigneeId: tono.personId })],
    });
    const digests = ofKind(rows, 'digest-private');
    // Budi's OPD item is assigned to Ani; Tono cannot be reached; Rina has nothing of her own
    expect(digests.map((r) => [r.chatId, r.payload.date, r.dueAt.toISOString()])).toEqual([
      [sari.chatId, '2026-09-08', '2026-09-08T00:00:00.000Z'],
      [sari.chatId, '2026-09-15', '2026-09-15T00:00:00.000Z'],
      [sari.chatId, '2026-09-22', '2026-09-22T00:00:00.000Z'],
      [ani.chatId, '2026-09-08', '2026-09-08T00:00:00.000Z'],
      [ani.chatId, '2026-09-15', '2026-09-15T00:00:00.000Z'],
      [ani.chatId, '2026-09-22', '2026-09-22T00:00:00.000Z'],
    ]);
    expect(digests[0]!.payload).toEqual({ date: '2026-09-08', personId: sari.personId });
    expect(rows.filter((r) => r.kind !== 'digest-private')).toEqual([]);
    expect(plan({ today: d(2026, 9, 9), privateSettings: DEFAULT_SETTINGS, items: [] })).toEqual([]);
  });

  it('the private digest of a person in two workspaces has a key of its own in each', () => {
    const inWorkspace = (evaluationId: number) => plan({ evaluationId, today: d(2026, 9, 9), privateSettings: DEFAULT_SETTINGS, items: [item(1, { assigneeId: ani.personId })] });
    const one = new Set(inWorkspace(1).map((r) => r.key));
    expect(one.size).toBe(3);
    expect(inWorkspace(2).filter((r) => one.has(r.key))).toEqual([]);
  });

  it('no digest day, or reminders off: no digest', () => {
    expect(plan({ groups: [group(GROUP, { digestDay: null }), group(OPD_GROUP, { enabled: false, digestDay: 1 }, BAPPEDA)] })).toEqual([]);
  });
});

describe('all off', () => {
  it('disabled groups and private settings plan nothing at all', () => {
    const off = { ...DEFAULT_SETTINGS, enabled: false };
    expect(plan({
      stages: [{ kind: 'dokumen', dueDate: '2026-09-18' }], groups: [group(GROUP, off), group(OPD_GROUP, off, BAPPEDA)], privateSettings: off,
      items: [item(1, { dueDate: '2026-09-16', assigneeId: ani.personId }), item(2)],
    })).toEqual([]);
  });

  it('the same input plans the same rows twice', () => {
    const input = { stages: [{ kind: 'dokumen', dueDate: '2026-09-18' }], groups: [group()], privateSettings: DEFAULT_SETTINGS, items: [item(1, { dueDate: '2026-09-16' })] };
    expect(plan(input)).toEqual(plan(input));
    expect(new Set(plan(input).map((r) => r.key)).size).toBe(plan(input).length);
  });
});
