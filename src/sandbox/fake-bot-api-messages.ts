// The methods that send, edit and delete messages, with the checks Telegram makes that a bot
// trips over in practice: empty or too long text, broken HTML, callback_data over 64 bytes, an
// edit that changes nothing, an edit or delete of a message that is not there.
import { isDeepStrictEqual } from 'node:util';
import { isUploadedFile } from './fake-bot-api-body.ts';
import { badRequest, NOT_MODIFIED } from './fake-bot-api-errors.ts';
import { renderText } from './fake-bot-api-html.ts';
import { chatIdOf, messageIdOf, unixNow } from './fake-bot-api-store.ts';
import type { ChatStore, StoredFile } from './fake-bot-api-store.ts';
import type { Params, TgMessage, TgUser, UploadedFile } from './fake-bot-api-types.ts';

export type MethodHandler = (params: Params) => unknown;

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_ALBUM = 10;
const MAX_CALLBACK_DATA_BYTES = 64;
const MAX_GETFILE_BYTES = 20 * 1024 * 1024;

/** The inline keyboard to store (Telegram returns only inline keyboards on a Message). */
function inlineMarkupOf(params: Params): TgMessage['reply_markup'] {
  const markup = params['reply_markup'];
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row as unknown[]) {
      const data = (button as { callback_data?: unknown } | null)?.callback_data;
      if (typeof data === 'string' && (data.length === 0 || Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_DATA_BYTES)) {
        throw badRequest('BUTTON_DATA_INVALID');
      }
    }
  }
  return rows.length > 0 ? { inline_keyboard: rows as unknown[][] } : undefined;
}

// Both keys are always present (possibly undefined) so that an edit can tell "no entities any
// more" from "not about entities"; `withoutUndefined` strips them before anything is stored.
function textOf(params: Params): Pick<TgMessage, 'text' | 'entities'> {
  const source = params['text'];
  if (typeof source !== 'string' || source.trim() === '') throw badRequest('message text is empty');
  const { text, entities } = renderText(source, params['parse_mode']);
  if (text.trim() === '') throw badRequest('message text is empty');
  if (text.length > MAX_TEXT) throw badRequest('message is too long');
  return { text, entities };
}

function captionOf(params: Params): Pick<TgMessage, 'caption' | 'caption_entities'> {
  const source = params['caption'];
  if (typeof source !== 'string' || source === '') return { caption: undefined, caption_entities: undefined };
  const { text, entities } = renderText(source, params['parse_mode']);
  if (text.length > MAX_CAPTION) throw badRequest('message caption is too long');
  return { caption: text, caption_entities: entities };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Width and height from a PNG header (what this bot's charts are); anything else gets a placeholder. */
function imageSize(data: Buffer | undefined): { width: number; height: number } {
  if (data && data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  return { width: 1280, height: 720 };
}

export function createMessageMethods(store: ChatStore, bot: TgUser): Record<string, MethodHandler> {
  function compose(params: Params, content: Partial<TgMessage>): TgMessage {
    const chatId = chatIdOf(params);
    const chat = store.chat(chatId);
    const replyTo = store.replyTarget(chatId, params);
    const markup = inlineMarkupOf(params);
    const message: TgMessage = {
      message_id: store.nextMessageId(chatId),
      from: bot,
      chat,
      date: unixNow(),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...withoutUndefined(content),
      ...(markup ? { reply_markup: markup } : {}),
    };
    return store.add(message, true);
  }

  /** A file given as an upload, a known file_id or a URL, as Telegram accepts all three. */
  function fileOf(value: unknown, kind: 'photos' | 'documents', field: string): { file: StoredFile; upload?: UploadedFile } {
    if (isUploadedFile(value)) {
      const extension = /\.([A-Za-z0-9]+)$/.exec(value.filename)?.[1] ?? 'dat';
      return { file: store.addFile(kind, extension, value.size, value.data), upload: value };
    }
    if (typeof value === 'string') {
      const known = store.file(value);
      if (known) return { file: known };
      if (/^https?:\/\//.test(value)) return { file: store.addFile(kind, kind === 'photos' ? 'jpg' : 'dat', 0) };
      throw badRequest('wrong file identifier/HTTP URL specified');
    }
    throw badRequest(`there is no ${field} in the request`);
  }

  /** The bot's own message an edit is aimed at; `true` stands for an inline message. */
  function editTarget(params: Params): TgMessage | true {
    if (params['inline_message_id'] !== undefined) return true;
    const found = store.find(chatIdOf(params), messageIdOf(params));
    if (!found) throw badRequest('message to edit not found');
    if (found.from?.id !== bot.id) throw badRequest("message can't be edited");
    return found;
  }

  /** Applies an edit in place, refusing one that changes nothing, as Telegram does. */
  function applyEdit(message: TgMessage, content: Partial<TgMessage>, params: Params): TgMessage {
    // An edit without reply_markup removes the inline keyboard: Telegram's rule, easy to forget.
    const markup = inlineMarkupOf(params);
    const same = Object.entries(content).every(([key, value]) => isDeepStrictEqual(message[key], value)) &&
      isDeepStrictEqual(message.reply_markup, markup);
    if (same) throw badRequest(NOT_MODIFIED);
    for (const [key, value] of Object.entries(content)) {
      if (value === undefined) delete message[key];
      else message[key] = value;
    }
    message.edit_date = unixNow();
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    return message;
  }

  return {
    sendMessage: (params) => compose(params, textOf(params)),
    sendPhoto: (params) => {
      const { file, upload } = fileOf(params['photo'], 'photos', 'photo');
      const size = imageSize(upload?.data ?? file.data);
      const photo = [{ file_id: file.fileId, file_unique_id: file.uniqueId, ...size, file_size: file.size }];
      return compose(params, { photo, ...captionOf(params) });
    },
    // An album: `media` is a JSON array whose uploads are named "attach://<field>", the file
    // itself being that multipart field. Each item becomes its own message sharing a group id.
    sendMediaGroup: (params) => {
      const media = params['media'];
      if (!Array.isArray(media)) throw badRequest('media group must be an array');
      if (media.length < 2 || media.length > MAX_ALBUM) throw badRequest('wrong number of messages in the media group');
      const groupId = String(store.nextMessageId(chatIdOf(params)) * 1000 + media.length);
      const resolved = media.map((item: unknown) => {
        const entry = (item ?? {}) as Record<string, unknown>;
        if (entry['type'] !== 'photo' && entry['type'] !== 'document') throw badRequest('unsupported media type in the media group');
        const ref = entry['media'];
        const value = typeof ref === 'string' && ref.startsWith('attach://') ? params[ref.slice('attach://'.length)] : ref;
        return { entry, value };
      });
      return resolved.map(({ entry, value }) => {
        const itemParams = { chat_id: params['chat_id'], caption: entry['caption'], parse_mode: entry['parse_mode'] };
        if (entry['type'] === 'photo') {
          const { file, upload } = fileOf(value, 'photos', 'photo');
          const photo = [{ file_id: file.fileId, file_unique_id: file.uniqueId, ...imageSize(upload?.data ?? file.data), file_size: file.size }];
          return compose(itemParams, { media_group_id: groupId, photo, ...captionOf(itemParams) });
        }
        const { file, upload } = fileOf(value, 'documents', 'document');
        const document = { file_id: file.fileId, file_unique_id: file.uniqueId, file_name: upload?.filename ?? 'berkas', mime_type: upload?.contentType ?? 'application/octet-stream', file_size: file.size };
        return compose(itemParams, { media_group_id: groupId, document, ...captionOf(itemParams) });
      });
    },
    sendDocument: (params) => {
      const { file, upload } = fileOf(params['document'], 'documents', 'document');
      const document = {
        file_id: file.fileId,
        file_unique_id: file.uniqueId,
        file_name: upload?.filename ?? file.path.split('/').at(-1)!,
        mime_type: upload?.contentType ?? 'application/octet-stream',
        file_size: file.size,
      };
      return compose(params, { document, ...captionOf(params) });
    },
    editMessageText: (params) => {
      const target = editTarget(params);
      const content = textOf(params); // validated for inline messages too
      if (target === true) return true;
      if (target.text === undefined) throw badRequest('there is no text in the message to edit');
      return applyEdit(target, content, params);
    },
    editMessageCaption: (params) => {
      const target = editTarget(params);
      if (target === true) return true;
      if (target.text !== undefined) throw badRequest('there is no caption in the message to edit');
      return applyEdit(target, captionOf(params), params);
    },
    editMessageReplyMarkup: (params) => {
      const target = editTarget(params);
      return target === true ? true : applyEdit(target, {}, params);
    },
    deleteMessage: (params) => {
      if (!store.remove(chatIdOf(params), messageIdOf(params))) throw badRequest('message to delete not found');
      return true;
    },
    answerCallbackQuery: (params) => store.answerCallbackQuery(params),
    getChat: (params) => store.chat(chatIdOf(params)),
    getFile: (params) => {
      const file = store.file(String(params['file_id'] ?? ''));
      if (!file) throw badRequest('invalid file_id');
      if (file.size > MAX_GETFILE_BYTES) throw badRequest('file is too big');
      return { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.size, file_path: file.path };
    },
  };
}
