// What the fake remembers between calls: the chats it has seen, every message (the bot's and the
// pushed ones, so replies and callbacks can point at them), the files, the callback queries.
// Message ids are counted per chat and shared by both sides, as in a real chat.
import { badRequest } from './fake-bot-api-errors.ts';
import type { ChatType, FakeSender, Params, TgChat, TgMessage, TgUser } from './fake-bot-api-types.ts';

export interface StoredFile {
  fileId: string;
  uniqueId: string;
  size: number;
  path: string;
  /** Absent for a file given by URL: its bytes never reached the fake. */
  data?: Buffer;
}

export function chatIdOf(params: Params): number {
  const value = params['chat_id'];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (value === undefined || value === '') throw badRequest('chat_id is empty');
  throw badRequest('chat not found'); // '@channelname' targets are not modelled
}

export function messageIdOf(params: Params): number {
  const value = params['message_id'];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  throw badRequest('message identifier is not specified');
}

export const unixNow = (): number => Math.floor(Date.now() / 1000);

export function userOf(sender: FakeSender): TgUser {
  return { is_bot: false, ...sender };
}

/** A message as Telegram embeds it in a reply: one level deep, without its own reply_to_message. */
export function withoutReply(message: TgMessage): TgMessage {
  const flat = { ...message };
  delete flat.reply_to_message;
  return flat;
}

export class ChatStore {
  private readonly chats = new Map<number, TgChat>();
  private readonly messages = new Map<number, Map<number, TgMessage>>();
  private readonly sent = new Map<number, TgMessage[]>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private fileCounter = 0;
  private callbackCounter = 0;

  /** The chat with this id, registered on first sight; `type`/`details` from a push refine it. */
  chat(id: number, type?: ChatType, details: Partial<TgChat> = {}): TgChat {
    const known = this.chats.get(id);
    if (known && type === undefined && Object.keys(details).length === 0) return known;
    // The brief's default: negative ids are groups (as supergroups, what most groups are today).
    const resolvedType: ChatType = type ?? known?.type ?? (id < 0 ? 'supergroup' : 'private');
    const chat: TgChat = resolvedType === 'private'
      ? { id, type: resolvedType, first_name: known?.first_name ?? `User ${id}`, ...details }
      : { id, type: resolvedType, title: known?.title ?? `Group ${id}`, ...details };
    if (known) {
      Object.assign(known, chat); // messages already stored keep pointing at the same object
      return known;
    }
    this.chats.set(id, chat);
    return chat;
  }

  chatType(id: number): ChatType | undefined {
    return this.chats.get(id)?.type;
  }

  nextMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }

  /** Stores a message; `fromBot` ones are also listed by `sentTo`. */
  add(message: TgMessage, fromBot: boolean): TgMessage {
    const chatId = message.chat.id;
    let byId = this.messages.get(chatId);
    if (!byId) this.messages.set(chatId, (byId = new Map()));
    byId.set(message.message_id, message);
    if (fromBot) {
      let list = this.sent.get(chatId);
      if (!list) this.sent.set(chatId, (list = []));
      list.push(message);
    }
    return message;
  }

  find(chatId: number, messageId: number): TgMessage | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  remove(chatId: number, messageId: number): boolean {
    const removed = this.messages.get(chatId)?.delete(messageId) ?? false;
    const list = this.sent.get(chatId);
    const at = list?.findIndex((m) => m.message_id === messageId) ?? -1;
    if (at >= 0) list!.splice(at, 1);
    return removed;
  }

  sentTo(chatId: number): TgMessage[] {
    return [...(this.sent.get(chatId) ?? [])];
  }

  /** The message a reply points at, as Telegram embeds it (one level deep). */
  replyTarget(chatId: number, params: Params): TgMessage | undefined {
    const reply = params['reply_parameters'];
    const replyParams = typeof reply === 'object' && reply !== null ? reply as Params : {};
    const id = replyParams['message_id'] ?? params['reply_to_message_id'];
    if (typeof id !== 'number') return undefined;
    const target = this.find(chatId, id);
    if (target) return withoutReply(target);
    if (replyParams['allow_sending_without_reply'] === true || params['allow_sending_without_reply'] === true) {
      return undefined;
    }
    throw badRequest('message to be replied not found');
  }

  addFile(kind: 'photos' | 'documents', extension: string, size: number, data?: Buffer): StoredFile {
    this.fileCounter += 1;
    const n = this.fileCounter;
    const file: StoredFile = {
      fileId: `fake-${kind === 'photos' ? 'photo' : 'doc'}-${n}`,
      uniqueId: `fake-unique-${n}`,
      size,
      path: `${kind}/file_${n}.${extension}`,
      ...(data ? { data } : {}),
    };
    this.files.set(file.fileId, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  fileByPath(path: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.path === path) return file;
    return undefined;
  }

  newCallbackQuery(): string {
    this.callbackCounter += 1;
    // Telegram's query ids are long decimal strings.
    const id = String(4_000_000_000_000 + this.callbackCounter);
    this.callbackQueries.set(id, { answered: false });
    return id;
  }

  answerCallbackQuery(params: Params): true {
    const query = this.callbackQueries.get(String(params['callback_query_id'] ?? ''));
    if (!query || query.answered) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    query.answered = true;
    return true;
  }

  /** Forgets messages (not chats, files or counters, so ids never repeat after a reset). */
  clearMessages(): void {
    this.messages.clear();
    this.sent.clear();
  }
}
