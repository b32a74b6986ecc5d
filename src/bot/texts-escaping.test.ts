// Every text the bot sends in HTML, fed what a user or a data file may contain (`<`, `&`, a
// link): Telegram's parser (the fake Bot API's, as strict) must accept it, show the input as
// typed and make no link of it. Every function of every texts*.ts must have a case here, so a
// new text cannot skip this check.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../sandbox/fake-bot-api-html.ts';
import { COMMANDS } from './registry.ts';
import { flowTexts as fl, importTexts as im } from './texts-imports.ts';
import { dashboardChatTexts as dc } from './texts-dashboard.ts';
import { memberAdminTexts as ma, memberTexts as mb } from './texts-members.ts';
import { reminderSettingsTexts as rs } from './texts-reminder-settings.ts';
import { reportTexts as rp } from './texts-reports.ts';
import { checklistTexts as ct, evidenceTexts as ev, fileTexts as ft, scoreTexts as st, seedTexts as sd, stageTexts as sg, texts as tx, workspaceTexts as ws } from './texts.ts';

/** 59 characters: under the 60 an excerpt keeps, so every text must show it whole. */
const H = 'nilai < 3 & <a href="https://evil.example/login">portal</a>';
const spec = { ...COMMANDS[0]!, usage: `/x <${H}>`, example: `/x ${H}` };

// Parameters not given H carry no user text: counts, ids, formatted numbers ("3,79", "+0,05"),
// progress bars and icons the bot makes itself, or markup a texts function made (help lines).
const CASES: Record<string, () => string> = {
  'texts.welcome': () => tx.welcome(H),
  'texts.welcomeMember': () => tx.welcomeMember(H, [H, H]),
  'texts.joined': () => tx.joined(H, 'pic', H),
  'texts.noAccess': () => tx.noAccess(H, H),
  'texts.notMember': () => tx.notMember(H),
  'texts.workspaceChosen': () => tx.workspaceChosen(H),
  'texts.usage': () => tx.usage(spec, H),
  'texts.problem': () => tx.problem(H),
  'texts.unknownCommand': () => tx.unknownCommand(H),
  'texts.help': () => tx.help([tx.helpLine(spec)], H),
  'texts.helpLine': () => tx.helpLine({ ...spec, description: H }),
  'texts.error': () => `${tx.error('A1B2C3')} ${tx.problem(H)}`,

  'workspaceTexts.inviteCreated': () => ws.inviteCreated(`https://t.me/bot?start=${H}`, 'pic', H, H),
  'workspaceTexts.picNeedsOpd': () => ws.picNeedsOpd([H]),
  'workspaceTexts.unknownOpd': () => ws.unknownOpd(H, [H]),
  'workspaceTexts.linked': () => ws.linked(H, H),
  'workspaceTexts.linkTaken': () => ws.linkTaken(H),
  'workspaceTexts.linkMoved': () => ws.linkMoved(H, H),

  'memberTexts.inviteUsesOutOfRange': () => `${mb.inviteUsesOutOfRange(50)} ${tx.problem(H)}`,
  'memberTexts.inviteUses': () => `${mb.inviteUses(1)}\n${mb.inviteUses(5)} ${tx.problem(H)}`,
  'memberTexts.inviteUsed': () => `${mb.inviteUsed(H, H, '900002', 'pic', H, H, 1, 2)}\n${mb.inviteUsed(H, null, '1', 'admin', null, H, 1, 1)}`,
  'memberTexts.removedRefused': () => mb.removedRefused(H),

  'dashboardChatTexts.privateIntro': () => dc.privateIntro(H),
  'dashboardChatTexts.groupIntro': () => dc.groupIntro(H),

  'memberAdminTexts.listTitle': () => ma.listTitle(H, 12, 1, 2),
  'memberAdminTexts.listLine': () => `${ma.listLine(1, H, H, ['pic', 'admin'], [H])}\n${ma.listLine(2, H, null, [], [])}`,
  'memberAdminTexts.memberTitle': () => ma.memberTitle(H, H, '900002'),
  'memberAdminTexts.memberRoles': () => ma.memberRoles(['pic'], [H, H]),
  'memberAdminTexts.memberJoined': () => ma.memberJoined(H),
  'memberAdminTexts.roleButton': () => `${ma.roleButton(true, 'pic')} ${tx.problem(H)}`,
  'memberAdminTexts.chooseOpd': () => ma.chooseOpd(H),
  'memberAdminTexts.confirmRemove': () => ma.confirmRemove(H, H),
  'memberAdminTexts.removed': () => `${ma.removed(H, H, 2)}\n${ma.removed(H, H, 0)}`,
  'memberAdminTexts.toldGranted': () => `${ma.toldGranted(H, 'pic', H, H)}\n${ma.toldGranted(H, 'admin', null, H)}`,
  'memberAdminTexts.toldRevoked': () => ma.toldRevoked(H, 'koordinator', H),
  'memberAdminTexts.toldMoved': () => ma.toldMoved(H, H, H),
  'memberAdminTexts.toldRemoved': () => ma.toldRemoved(H, H),

  'stageTexts.title': () => sg.title(H, 2024, H),
  'stageTexts.line': () => sg.line(H, H, H, H),
  'stageTexts.scheduled': () => sg.scheduled(H, H, H),
  'stageTexts.outOfOrder': () => sg.outOfOrder(H, [H, H]),
  'stageTexts.dateOutOfRange': () => sg.dateOutOfRange(H, 2024, H, H),

  'checklistTexts.unknownOpd': () => ct.unknownOpd(H, [H]),
  'checklistTexts.listTitle': () => ct.listTitle(H, 3, 1, 2),
  'checklistTexts.listEmpty': () => ct.listEmpty(H),
  'checklistTexts.listLine': () => ct.listLine('⬜', 1, H, 12, H, H),
  'checklistTexts.itemTitle': () => ct.itemTitle(1, H),
  'checklistTexts.itemLine': () => ct.itemLine(H, H),
  'checklistTexts.itemDescription': () => ct.itemDescription(H),
  'checklistTexts.evidenceLine': () => ct.evidenceLine(H, H, H),
  'checklistTexts.revision': () => ct.revision(H),
  'checklistTexts.moved': () => ct.moved(1, H),
  'checklistTexts.askReason': () => `${ct.askReason(1)} ${tx.problem(H)}`,
  'checklistTexts.askEvidence': () => `${ct.askEvidence(1)} ${tx.problem(H)}`,
  'checklistTexts.evidenceSaved': () => ct.evidenceSaved(1, H),
  'checklistTexts.tasksTitle': () => `${ct.tasksTitle(2)} ${tx.problem(H)}`,
  'checklistTexts.taskLine': () => ct.taskLine('⬜', 1, H, H, H),
  'checklistTexts.progressTitle': () => ct.progressTitle(H, 2024),
  'checklistTexts.progressLine': () => ct.progressLine(H, '▓▓░░ 50%', 1, 2),
  'checklistTexts.overdueTitle': () => `${ct.overdueTitle(20, 15)} ${tx.problem(H)}`,
  'checklistTexts.overdueLine': () => ct.overdueLine(1, H, H, H),
  'checklistTexts.readinessLine': () => `${ct.readinessLine(3, 1, 2)} ${tx.problem(H)}`,
  'checklistTexts.assignIndicator': () => ct.assignIndicator(H),
  'checklistTexts.assignDue': () => ct.assignDue(H, H),
  'checklistTexts.duePast': () => ct.duePast(H),
  'checklistTexts.dueOutOfRange': () => ct.dueOutOfRange(H, 2024, H, H),
  'checklistTexts.assignDone': () => ct.assignDone(1, H, H, H, H),
  'checklistTexts.notifyAssigned': () => ct.notifyAssigned(1, H, H, H),
  'checklistTexts.notifyRevision': () => ct.notifyRevision(1, H, H),
  'checklistTexts.notifyVerified': () => ct.notifyVerified(1, H),
  'checklistTexts.openPrivateChat': () => ct.openPrivateChat(H, `https://t.me/${H}`),

  'evidenceTexts.projected': () => ev.projected('3,79', H),
  'evidenceTexts.bestLine': () => ev.bestLine(1, H, 3, 4, '0,05'),
  'evidenceTexts.indicatorEvidenceLevel': () => ev.indicatorEvidenceLevel(3, H),
  'evidenceTexts.indicatorItems': () => ev.indicatorItems(H),
  'evidenceTexts.indicatorItemLine': () => ev.indicatorItemLine('⬜', 1, H, 2, H),

  'fileTexts.unreadable': () => ft.unreadable(H),
  'fileTexts.rejected': () => ft.rejected(30, [`Baris 2: OPD "${H}" tidak dikenal.`, H]),
  'fileTexts.dryRun': () => ft.dryRun(H, 1, 2, 3),
  'fileTexts.applied': () => `${ft.applied(1, 2)} ${tx.problem(H)}`,
  'fileTexts.exportCaption': () => ft.exportCaption(H, 2024),

  'importTexts.progress': () => `${im.progress(20_000, 50_000)} ${tx.problem(H)}`,
  'importTexts.failed': () => `${im.failed('A1B2C3')} ${tx.problem(H)}`,
  'importTexts.otherWorkspace': () => im.otherWorkspace(H, H),
  'importTexts.exportPrivateBlocked': () => im.exportPrivateBlocked(H),
  'flowTexts.otherWorkspace': () => fl.otherWorkspace(H, H),
  'flowTexts.reasonTooLong': () => `${fl.reasonTooLong(500, 612)} ${tx.problem(H)}`,

  'seedTexts.generated': () => `${sd.generated(3, 1, [4, 5])} ${tx.problem(H)}`,
  'seedTexts.carried': () => `${sd.carried(3, 2023, 1)} ${tx.problem(H)}`,
  'seedTexts.refused': () => sd.refused(H),

  'scoreTexts.indexTitle': () => st.indexTitle(H, 2024, H, H),
  'scoreTexts.indexLine': () => st.indexLine('3,79', H),
  'scoreTexts.indexIncomplete': () => `${st.indexIncomplete(2, 47)} ${tx.problem(H)}`,
  'scoreTexts.changeLine': () => st.changeLine(H, '0,51'),
  'scoreTexts.targetLine': () => `${st.targetLine('3,50', '-0,10')} ${tx.problem(H)}`,
  'scoreTexts.groupHeader': () => `${st.groupHeader('Domain')} ${tx.problem(H)}`,
  'scoreTexts.groupLine': () => st.groupLine(1, H, '3,10'),
  'scoreTexts.missingLine': () => `${st.missingLine([1, 2])} ${tx.problem(H)}`,
  'scoreTexts.externalWaiting': () => st.externalWaiting([H, H]),
  'scoreTexts.chartCaption': () => st.chartCaption(H),
  'scoreTexts.indicatorTitle': () => st.indicatorTitle(1, H),
  'scoreTexts.indicatorPlace': () => st.indicatorPlace(H, H, '1,5'),
  'scoreTexts.indicatorStage': () => st.indicatorStage(H, H, true),
  'scoreTexts.indicatorNote': () => st.indicatorNote(H, H, H),
  'scoreTexts.indicatorOwners': () => st.indicatorOwners([H, H]),
  'scoreTexts.indicatorEvidence': () => st.indicatorEvidence(H),
  'scoreTexts.indicatorExternal': () => `${st.indicatorExternal(H, H, H, null, null)}\n${st.indicatorExternal(H, H, H, H, H)}`,
  'scoreTexts.indicatorAgencies': () => st.indicatorAgencies([H]),
  'scoreTexts.indicatorFunctions': () => st.indicatorFunctions([H]),
  'scoreTexts.indicatorNextCriteria': () => st.indicatorNextCriteria(2, H, H),
  'scoreTexts.indicatorCurrentCriteria': () => st.indicatorCurrentCriteria(2, H, H),
  'scoreTexts.indicatorEstimate': () => st.indicatorEstimate(H),
  'scoreTexts.domainTitle': () => st.domainTitle(1, H, '3,10', H),
  'scoreTexts.aspectTitleOnly': () => st.aspectTitleOnly(1, H, null, H),
  'scoreTexts.noDomainsNote': () => st.noDomainsNote(H),
  'scoreTexts.aspectHeader': () => st.aspectHeader(1, H, '3,10'),
  'scoreTexts.indicatorLine': () => st.indicatorLine(1, H, '3', '1,5'),
  'scoreTexts.simulationIncomplete': () => `${st.simulationIncomplete([1])} ${tx.problem(H)}`,
  'scoreTexts.simulationAlready': () => `${st.simulationAlready('3,79', '3,50')} ${tx.problem(H)}`,
  'scoreTexts.simulationUnreachable': () => `${st.simulationUnreachable('5,00', '4,10')} ${tx.problem(H)}`,
  'scoreTexts.simulationPlan': () => `${st.simulationPlan('3,79', '4,00', 3, '4,02')} ${tx.problem(H)}`,
  'scoreTexts.simulationRaise': () => `${st.simulationRaise(1, '2', '3', '0,05')} ${tx.problem(H)}`,
  'scoreTexts.simulationStage': () => st.simulationStage(H),
  'scoreTexts.scoreRecorded': () => st.scoreRecorded(1, H, H, H, false, '3,79', '0,05'),
  'scoreTexts.externalRecorded': () => `${st.externalRecorded(1, H, H, H, H, '3,79', '0,05')}\n${st.externalRecorded(1, H, H, H, null, null, null)}`,
  'scoreTexts.externalUnknown': () => `${st.externalUnknown(1, H, H, [2])}\n${st.externalUnknown(1, H, null, [2])}`,

  'reportTexts.noEvaluation': () => rp.noEvaluation(H),
  'reportTexts.chartsCaption': () => rp.chartsCaption(H, H, 2024, false),
  'reportTexts.pdfCaption': () => rp.pdfCaption(rp.headline(H, H, H, true)),
  'reportTexts.xlsxPrivateBlocked': () => rp.xlsxPrivateBlocked(H),

  'reminderSettingsTexts.groupTitle': () => rs.groupTitle(H),
  'reminderSettingsTexts.privateTitle': () => rs.privateTitle(H),
  'reminderSettingsTexts.status': () => `${rs.status(true)}\n${rs.status(false)} ${tx.problem(H)}`,
  'reminderSettingsTexts.stageLine': () => rs.stageLine(H),
  'reminderSettingsTexts.itemLine': () => rs.itemLine(H),
  'reminderSettingsTexts.hourLine': () => rs.hourLine(H),
  'reminderSettingsTexts.groupDigestLine': () => rs.groupDigestLine(H),
  'reminderSettingsTexts.privateDigestLine': () => rs.privateDigestLine(H),
  'reminderSettingsTexts.quietLine': () => rs.quietLine(H, H),
};

/** Plain text, never parsed as HTML: button labels, chart titles, the PDF's headline. */
const NOT_HTML = new Set([
  'roleName', 'checklistTexts.openButton', 'reminderSettingsTexts.choice',
  'scoreTexts.chartDomainsTitle', 'scoreTexts.chartStagesTitle', 'reportTexts.headline',
]);

async function allTexts(): Promise<{ functions: Map<string, unknown>; constants: Map<string, string> }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const functions = new Map<string, unknown>();
  const constants = new Map<string, string>();
  const files = readdirSync(here).filter((f) => /^texts.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
  for (const file of files) {
    const module = (await import(join(here, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function') functions.set(name, value);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      for (const [key, entry] of Object.entries(value)) {
        if (typeof entry === 'function') functions.set(`${name}.${key}`, entry);
        if (typeof entry === 'string') constants.set(`${name}.${key}`, entry);
        if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
          for (const [k, v] of Object.entries(entry)) if (typeof v === 'string') constants.set(`${name}.${key}.${k}`, v);
        }
      }
    }
  }
  return { functions, constants };
}

describe('texts with user input', () => {
  it('every text function has an escaping case here (or is listed as never HTML)', async () => {
    const { functions } = await allTexts();
    const missing = [...functions.keys()].filter((k) => !(k in CASES) && !NOT_HTML.has(k));
    expect(missing, 'add a case with hostile input to CASES').toEqual([]);
    const stale = Object.keys(CASES).filter((k) => !functions.has(k));
    expect(stale, 'cases of texts that no longer exist').toEqual([]);
  });

  for (const [name, make] of Object.entries(CASES)) {
    it(`${name}: Telegram parses it, shows the input as typed, and makes no link of it`, () => {
      const out = make();
      const shown = renderHtml(out);
      expect(shown.text).toContain(H);
      expect(shown.entities.filter((e) => e.type === 'text_link')).toEqual([]);
      expect(out).not.toContain('<a ');
    });
  }

  it('every constant text is valid HTML for Telegram', async () => {
    const { constants } = await allTexts();
    expect(constants.size).toBeGreaterThan(20);
    for (const [name, text] of constants) expect(() => renderHtml(text), name).not.toThrow();
  });

  it('quotes long bad input as a short excerpt, cut before escaping', () => {
    const long = `${'&'.repeat(4000)}<b>`;
    for (const out of [tx.unknownCommand(long), ws.unknownOpd(long, []), ct.unknownOpd(long, []), ft.dryRun(long, 0, 0, 0)]) {
      const shown = renderHtml(out).text;
      expect(shown.length).toBeLessThan(300);
      expect(shown).toContain(`${'&'.repeat(60)}…`);
    }
    const rejected = renderHtml(ft.rejected(25, Array.from({ length: 25 }, (_, i) => `Baris ${i + 2}: ${'x'.repeat(100_000)}`))).text;
    expect(rejected.length).toBeLessThan(4096);
  });
});
