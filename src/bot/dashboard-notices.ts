// What the assignee is told when the dashboard accepts or sends back their item: the same private
// message as when it happens in chat, sent through the bot's one sender (limits, retries).
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
