// Shapes shared by the fake Bot API server and its helpers. The Telegram objects are kept loose
// (an index signature on each) on purpose: the fake builds them by hand and `pushUpdate` accepts
// whatever a test needs, so the precise unions of `telegraf/types` would only get in the way.

export type Params = Record<string, unknown>;

/** A file part of a multipart request, as telegraf uploads a Buffer or a stream. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export type Fault =
  | { kind: '429'; retryAfter: number }
  | { kind: '403-kicked' }
  | { kind: '403-blocked' }
  | { kind: 'migrate'; newChatId: number }
  | { kind: '5xx'; status?: 500 | 502 }
  | { kind: '400'; description: string };

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface FakeCall {
  /** Position in `api.calls` (restarts at 0 after `reset()`). */
  index: number;
  method: string;
  params: Params;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** `webhook-reply`: the bot answered a webhook delivery with `{ method, ... }` in the body. */
  via: 'http' | 'webhook-reply';
  fault?: Fault;
  /** What the fake answered; for `getUpdates` it is set when the long poll ends. */
  response?: ApiResponse;
}

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  [key: string]: unknown;
}

export interface TgChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  [key: string]: unknown;
}

export interface TgEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  user?: TgUser;
}

export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name: string;
  mime_type: string;
  file_size: number;
}

export interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  edit_date?: number;
  text?: string;
  entities?: TgEntity[];
  caption?: string;
  caption_entities?: TgEntity[];
  photo?: TgPhotoSize[];
  document?: TgDocument;
  reply_markup?: { inline_keyboard: unknown[][] };
  reply_to_message?: TgMessage;
  [key: string]: unknown;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message: TgMessage;
  chat_instance: string;
  data: string;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  callback_query?: TgCallbackQuery;
  [key: string]: unknown;
}

/** The sender of a pushed update: a person, so `is_bot` is filled in. */
export interface FakeSender {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface WebhookAttempt {
  at: number;
  /** HTTP status the bot's server answered; absent when the request itself failed. */
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  update: TgUpdate;
  url: string;
  attempts: WebhookAttempt[];
  /** `undefined` while attempts remain, then whether a 2xx answer came back. */
  ok?: boolean;
}
