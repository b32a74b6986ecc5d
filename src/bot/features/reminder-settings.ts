// /pengingat: the reminder settings of the chat it is used in, changed with buttons that edit the
// same message. In a linked group it is that group's settings (stage reminders, weekly digest);
// in a private chat it is what every member of the workspace gets privately (item reminders,
// private digest), since those settings are kept per workspace, not per person.
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { Composer, Markup } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { readChatSettings, readPrivateSettings, saveChatSettings, savePrivateSettings } from '../../db/reminder-settings.ts';
import type { ReminderSettings, SettingsChange } from '../../domain/reminder-settings.ts';
import {
  applyChange, DAY_NAMES_ISO, describeOffsets, DIGEST_DAY_CHOICES, HOUR_CHOICES, ITEM_OFFSET_CHOICES, STAGE_OFFSET_CHOICES,
} from '../../domain/reminder-settings.ts';
import { zoneLabel } from '../../domain/time-zones.ts';
import type { BotContext } from '../context.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { guarded, requireAccess } from '../guard.ts';
import { findCommand } from '../registry.ts';
import { editReply, reply } from '../reply.ts';
import { texts } from '../texts.ts';
import { reminderSettingsTexts as t } from '../texts-reminder-settings.ts';

type Scope = 'group' | 'private';

interface View {
  scope: Scope;
  settings: ReminderSettings;
  workspaceName: string;
  timeZone: string;
}

// The chat whose settings change is always the chat the update came from, never one named in
// callback_data (which a client can forge).
const scopeOf = (ctx: BotContext): Scope => (ctx.chat!.type === 'private' ? 'private' : 'group');
const chatIdOf = (ctx: BotContext) => BigInt(ctx.chat!.id);
const hh = (hour: number) => `${String(hour).padStart(2, '0')}.00`;

async function readSettings(ctx: BotContext, access: WorkspaceAccess): Promise<ReminderSettings | null> {
  return scopeOf(ctx) === 'private'
    ? readPrivateSettings(ctx.deps.db, access.workspace.id)
    : readChatSettings(ctx.deps.db, access.workspace.id, chatIdOf(ctx));
}

function viewOf(ctx: BotContext, access: WorkspaceAccess, settings: ReminderSettings): View {
  return { scope: scopeOf(ctx), settings, workspaceName: access.workspace.name, timeZone: access.workspace.timeZone };
}

export function settingsText(view: View): string {
  const { settings: s, scope } = view;
  const zone = zoneLabel(view.timeZone);
  const digestDay = s.digestDay === null ? null : DAY_NAMES_ISO[s.digestDay] ?? null;
  return [
    scope === 'private' ? t.privateTitle(view.workspaceName) : t.groupTitle(view.workspaceName),
    '',
    t.status(s.enabled),
    // privately, stage reminders go to PICs with open items of that stage
    t.stageLine(describeOffsets(s.stageOffsets)),
    ...(scope === 'private' ? [t.itemLine(describeOffsets(s.itemOffsets))] : []),
    t.hourLine(`${hh(s.hour)} ${zone}`),
    scope === 'private' ? t.privateDigestLine(digestDay) : t.groupDigestLine(digestDay),
    t.quietLine(hh(s.quietStart), `${hh(s.quietEnd)} ${zone}`),
    t.workingDays,
    '',
    t.hint,
  ].join('\n');
}

/**
 * Callback data: `rs:on:<0|1>` (all reminders off/on), `rs:so:<days>:<0|1>` (a stage offset off/on), `rs:io:<days>:<0|1>` (an item offset, private), `rs:h:<hour>`, `rs:d:<1-5>` or `rs:d:0`
 * (digest day, 0 = none). Each names the state wanted, so a double tap cannot undo itself.
 */
export function settingsKeyboard(view: View): Markup.Markup<InlineKeyboardMarkup> {
  const s = view.settings;
  const cb = Markup.button.callback;
  const offsetRow = (list: 'stageOffsets' | 'itemOffsets', choices: readonly number[], prefix: string) => choices.map((d) => {
    const on = s[list].includes(d);
    return cb(t.choice(on, describeOffsets([d])), `rs:${prefix}:${d}:${on ? 0 : 1}`);
  });
  const offsets = view.scope === 'private'
    ? [offsetRow('stageOffsets', STAGE_OFFSET_CHOICES, 'so'), offsetRow('itemOffsets', ITEM_OFFSET_CHOICES, 'io')]
    : [offsetRow('stageOffsets', STAGE_OFFSET_CHOICES, 'so')];
  const hours = HOUR_CHOICES.map((h) => cb(t.choice(s.hour === h, hh(h)), `rs:h:${h}`));
  const days = [
    ...DIGEST_DAY_CHOICES.map((d) => cb(t.choice(s.digestDay === d, t.dayShort[d]!), `rs:d:${d}`)),
    cb(t.choice(s.digestDay === null, t.digestOff), 'rs:d:0'),
  ];
  return Markup.inlineKeyboard([
    [s.enabled ? cb(t.turnOff, 'rs:on:0') : cb(t.turnOn, 'rs:on:1')],
    ...offsets,
    hours.slice(0, 3), hours.slice(3),
    days.slice(0, 3), days.slice(3),
  ]);
}

/** What a button asks for, or null when it does not belong to this kind of chat. */
export function parseChange(data: string, scope: Scope): SettingsChange | null {
  const match = /^rs:(on|so|io|h|d):(\d{1,2})(?::([01]))?$/.exec(data);
  if (!match) return null;
  const [, kind, value, flag] = match;
  const n = Number(value);
  const on = flag === '1';
  switch (kind) {
    case 'on':
      return flag === undefined && n <= 1 ? { kind: 'enabled', on: n === 1 } : null;
    case 'so':
      return flag === undefined ? null : { kind: 'offset', list: 'stageOffsets', days: n, on };
    case 'io':
      return flag === undefined || scope !== 'private' ? null : { kind: 'offset', list: 'itemOffsets', days: n, on };
    case 'h':
      return flag === undefined ? { kind: 'hour', hour: n } : null;
    default:
      return flag === undefined ? { kind: 'digest', day: n === 0 ? null : n } : null;
  }
}

export function reminderSettingsFeature() {
  const composer = new Composer<BotContext>();
  const spec = findCommand('pengingat');
  if (!spec) throw new Error('command /pengingat is not in the registry');

  composer.command('pengingat', guarded('pengingat', async (ctx, access) => {
    const settings = await readSettings(ctx, access);
    // guarded() has already refused a group that is not linked; this is a link removed meanwhile.
    if (!settings) return void (await reply(ctx, texts.groupNotLinked));
    const view = viewOf(ctx, access, settings);
    await reply(ctx, settingsText(view), settingsKeyboard(view));
  }));

  composer.action(/^rs:/, async (ctx) => {
    // The role is checked again on every press: the message may have been sent to someone else's
    // command, or the button forged.
    const access = await requireAccess(ctx, spec);
    if (!access) return;
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const change = parseChange(data, scopeOf(ctx));
    const current = change && await readSettings(ctx, access);
    if (!change || !current || !applyChange(current, change)) {
      return void (await ctx.answerCbQuery(texts.staleButton, { show_alert: true }));
    }
    // Answered before the write: a late answer fails with "query is too old".
    await ctx.answerCbQuery();
    const update = (stored: ReminderSettings) => applyChange(stored, change) ?? stored;
    const now = ctx.deps.clock.now();
    const actor = botActor(access.personId);
    const saved = scopeOf(ctx) === 'private'
      ? await savePrivateSettings(ctx.deps.db, { workspaceId: access.workspace.id, settings: update, now }, actor)
      : await saveChatSettings(ctx.deps.db, { workspaceId: access.workspace.id, telegramChatId: chatIdOf(ctx), settings: update, now }, actor);
    if (!saved) return;
    const view = viewOf(ctx, access, saved.after);
    await editReply(ctx, settingsText(view), settingsKeyboard(view));
  });

  return composer;
}
