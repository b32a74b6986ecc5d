// Builders for what a user does: the message objects of pushed updates, shaped as Telegram sends
// them (a private chat carries the user's names, a command gets its bot_command entity).
import type { ChatStore } from './fake-bot-api-store.ts';
import { unixNow, userOf, withoutReply } from './fake-bot-api-store.ts';
import type { ChatType, FakeSender, TgCallbackQuery, TgChat, TgEntity, TgMessage, TgUser } from './fake-bot-api-types.ts';

interface PushBase {
  chatId: number;
  /** Default: 'private' for a positive id, 'supergroup' for a negative one. */
  chatType?: ChatType;
  chatTitle?: string;
  from: FakeSender;
}

export interface PushTextOptions extends PushBase {
  text: string;
  /** message_id of a message in the same chat (the bot's or a pushed one) this one replies to. */
  replyTo?: number;
}

export interface PushCallbackOptions {
  chatId: number;
  from: FakeSender;
  /** The bot's message whose inline button was pressed. */
  messageId: number;
  data: string;
}

export interface PushDocumentOptions extends PushBase {
  fileName: string;
  mimeType: string;
  /** Default: the length of `data`, else 0. */
  size?: number;
  /** The bytes the bot gets when it downloads the file through getFile. */
  data?: Buffer;
  caption?: string;
}

export interface PushPhotoOptions extends PushBase {
  width?: number;
  height?: number;
  size?: number;
  data?: Buffer;
  caption?: string;
}

/** The bot_command entity Telegram puts on a message starting with a command (`/cmd@bot` included). */
export function commandEntities(text: string): TgEntity[] | undefined {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text)?.[0];
  return command ? [{ type: 'bot_command', offset: 0, length: command.length }] : undefined;
}

function chatOf(store: ChatStore, options: PushBase): TgChat {
  const type = options.chatType ?? store.chatType(options.chatId) ?? (options.chatId < 0 ? 'supergroup' : 'private');
  if (type === 'private') {
    const { first_name, last_name, username } = options.from;
    return store.chat(options.chatId, type, { first_name, ...(last_name ? { last_name } : {}), ...(username ? { username } : {}) });
  }
  return store.chat(options.chatId, type, options.chatTitle ? { title: options.chatTitle } : {});
}

/** A message from the user, stored so that the bot can reply to it or delete it. */
function userMessage(store: ChatStore, options: PushBase & { replyTo?: number }, content: Partial<TgMessage>): TgMessage {
  const chat = chatOf(store, options);
  let replyTo: TgMessage | undefined;
  if (options.replyTo !== undefined) {
    const target = store.find(chat.id, options.replyTo);
    if (!target) throw new Error(`push: chat ${chat.id} has no message ${options.replyTo} to reply to`);
    replyTo = withoutReply(target);
  }
  const message: TgMessage = {
    message_id: store.nextMessageId(chat.id),
    from: userOf(options.from),
    chat,
    date: unixNow(),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...content,
  };
  return store.add(message, false);
}

function captionContent(caption: string | undefined): Partial<TgMessage> {
  if (caption === undefined) return {};
  const entities = commandEntities(caption);
  return { caption, ...(entities ? { caption_entities: entities } : {}) };
}

export function textMessage(store: ChatStore, options: PushTextOptions): TgMessage {
  const entities = commandEntities(options.text);
  return userMessage(store, options, { text: options.text, ...(entities ? { entities } : {}) });
}

export function documentMessage(store: ChatStore, options: PushDocumentOptions): TgMessage {
  const size = options.size ?? options.data?.length ?? 0;
  const extension = /\.([A-Za-z0-9]+)$/.exec(options.fileName)?.[1] ?? 'dat';
  const file = store.addFile('documents', extension, size, options.data);
  const document = { file_id: file.fileId, file_unique_id: file.uniqueId, file_name: options.fileName, mime_type: options.mimeType, file_size: size };
  return userMessage(store, options, { document, ...captionContent(options.caption) });
}

export function photoMessage(store: ChatStore, options: PushPhotoOptions): TgMessage {
  const size = options.size ?? options.data?.length ?? 0;
  const file = store.addFile('photos', 'jpg', size, options.data);
  const photo = [{ file_id: file.fileId, file_unique_id: file.uniqueId, width: options.width ?? 1280, height: options.height ?? 960, file_size: size }];
  return userMessage(store, options, { photo, ...captionContent(options.caption) });
}

export interface PushMigrationOptions {
  /** the basic group's id, answered 400 migrate_to_chat_id from now on */
  oldChatId: number;
  /** the supergroup's id (-100…) */
  newChatId: number;
  /** who upgraded the group */
  from: FakeSender;
  chatTitle?: string;
  /**
   * The service messages Telegram sends, in this order: 'to' in the old group (migrate_to_chat_id),
   * 'from' in the new supergroup (migrate_from_chat_id). Default both, 'to' first; [] for none.
   */
  messages?: ('to' | 'from')[];
}

/** One service message of a group's upgrade to a supergroup, as Telegram sends it to a bot. */
export function migrationMessage(store: ChatStore, options: PushMigrationOptions, which: 'to' | 'from'): TgMessage {
  const title = options.chatTitle ? { chatTitle: options.chatTitle } : {};
  return which === 'to'
    ? userMessage(store, { chatId: options.oldChatId, chatType: 'group', from: options.from, ...title }, { migrate_to_chat_id: options.newChatId })
    : userMessage(store, { chatId: options.newChatId, chatType: 'supergroup', from: options.from, ...title }, { migrate_from_chat_id: options.oldChatId });
}

/** A press on a button of the bot's own message; the query carries a copy of that message. */
export function callbackQuery(store: ChatStore, bot: TgUser, options: PushCallbackOptions): TgCallbackQuery {
  const message = store.find(options.chatId, options.messageId);
  if (!message || message.from?.id !== bot.id) {
    const ids = store.sentTo(options.chatId).map((m) => m.message_id);
    throw new Error(`pushCallback: the bot has no message ${options.messageId} in chat ${options.chatId} (it has: ${ids.join(', ') || 'none'})`);
  }
  return {
    id: store.newCallbackQuery(),
    from: userOf(options.from),
    message: structuredClone(message),
    chat_instance: String(Math.abs(options.chatId) * 31 + 7),
    data: options.data,
  };
}
