// What the dashboard has the bot send: the assignee's notice when their item is accepted or sent
// back (the same private message as in chat), and an evidence file to the viewer's own chat; both
// through the bot's one sender (limits, retries).
import type { Telegram } from 'telegraf';
import type { MoveNotice } from '../app/checklists.ts';
import type { Logger } from '../log.ts';
import { checklistTexts as t } from './texts.ts';

export type NoticeSender = (notice: MoveNotice, item: { id: number; title: string }) => Promise<boolean>;

/** False when the person cannot be written to (never opened the private chat, or blocked the bot). */
export function dashboardNotices(telegram: Telegram, logger: Logger): NoticeSender {
  return async (notice, item) => {
    if (!notice.person.privateChatAt) return false;
    const text = notice.kind === 'revisi' ? t.notifyRevision(item.id, item.title, notice.reason ?? '') : t.notifyVerified(item.id, item.title);
    try {
      await telegram.sendMessage(Number(notice.person.telegramId), text, { parse_mode: 'HTML' });
      return true;
    } catch (error) {
      logger.warn({ err: error }, 'private notice failed');
      return false;
    }
  };
}

export type FileSender = (telegramId: number, file: { kind: 'document' | 'photo'; fileId: string; caption: string }) => Promise<boolean>;

/** Sends a stored Telegram file by its id (never a URL: that would carry the token); false when refused. */
export function dashboardFiles(telegram: Telegram, logger: Logger): FileSender {
  return async (telegramId, file) => {
    try {
      if (file.kind === 'photo') await telegram.sendPhoto(telegramId, file.fileId, { caption: file.caption });
      else await telegram.sendDocument(telegramId, file.fileId, { caption: file.caption });
      return true;
    } catch (error) {
      logger.warn({ err: error }, 'evidence file not sent');
      return false;
    }
  };
}
