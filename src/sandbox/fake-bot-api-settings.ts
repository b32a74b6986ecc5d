// The methods about the bot itself rather than a message: identity, command menus, webhook and
// the calls that only answer `true`.
import { badRequest } from './fake-bot-api-errors.ts';
import type { MethodHandler } from './fake-bot-api-messages.ts';
import { chatIdOf } from './fake-bot-api-store.ts';
import type { Params, TgUser } from './fake-bot-api-types.ts';

export interface SettingsDeps {
  me: TgUser;
  /** `undefined` switches back to the getUpdates queue. */
  setWebhook: (webhook: { url: string; secretToken: string | undefined } | undefined, dropPending: boolean) => void;
  webhookInfo: () => Record<string, unknown>;
}

const CHAT_ACTIONS = new Set(['typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note']);

// Menus are kept per scope and language, as Telegram keeps them.
const menuKey = (params: Params): string =>
  `${JSON.stringify(params['scope'] ?? { type: 'default' })}|${String(params['language_code'] ?? '')}`;

function validCommands(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw badRequest("can't parse commands JSON object");
  if (value.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  for (const entry of value as unknown[]) {
    const { command, description } = (entry ?? {}) as { command?: unknown; description?: unknown };
    if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
      throw badRequest('command description is empty or too long');
    }
  }
  return value as unknown[];
}

export function createSettingsMethods(deps: SettingsDeps): Record<string, MethodHandler> {
  const menus = new Map<string, unknown[]>();
  const yes = (): true => true;
  return {
    getMe: () => ({
      ...deps.me,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    }),
    setMyCommands: (params) => {
      menus.set(menuKey(params), validCommands(params['commands']));
      return true;
    },
    deleteMyCommands: (params) => {
      menus.delete(menuKey(params));
      return true;
    },
    getMyCommands: (params) => menus.get(menuKey(params)) ?? [],
    setWebhook: (params) => {
      const url = params['url'];
      const dropPending = params['drop_pending_updates'] === true;
      if (url === undefined || url === '') {
        deps.setWebhook(undefined, dropPending); // an empty url removes the webhook
        return true;
      }
      // Telegram insists on https; the fake also takes http so a local bot can be reached.
      if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url)) throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
      const secret = params['secret_token'];
      if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
        throw badRequest('bad webhook: secret token contains unallowed characters');
      }
      deps.setWebhook({ url, secretToken: secret }, dropPending);
      return true;
    },
    deleteWebhook: (params) => {
      deps.setWebhook(undefined, params['drop_pending_updates'] === true);
      return true;
    },
    getWebhookInfo: () => deps.webhookInfo(),
    sendChatAction: (params) => {
      chatIdOf(params);
      if (!CHAT_ACTIONS.has(String(params['action']))) throw badRequest('wrong parameter action in request');
      return true;
    },
    setChatMenuButton: yes,
    setMyDescription: yes,
    setMyShortDescription: yes,
    setMyName: yes,
    leaveChat: yes,
    pinChatMessage: yes,
    unpinChatMessage: yes,
  };
}
