// Request parameters the way the Bot API accepts them: query string, JSON,
// application/x-www-form-urlencoded and multipart/form-data, merged (the body wins).
import type { Params, UploadedFile } from './fake-bot-api-types.ts';

export class BodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

// Outside JSON every value is a string. These keys carry JSON (telegraf stringifies
// reply_markup into a multipart field) or numbers/booleans; turning them back lets a test
// compare `params.chat_id` with a number whatever encoding the bot used. Free text (text,
// caption, callback data) is never converted: "123" or "[x]" there stays a string.
const JSON_KEYS = new Set(['reply_markup', 'entities', 'caption_entities', 'allowed_updates', 'commands',
  'scope', 'menu_button', 'results', 'link_preview_options', 'reply_parameters', 'media', 'mask_position',
  'shipping_options', 'errors', 'prices']);
const INTEGER_KEYS = new Set(['chat_id', 'message_id', 'from_chat_id', 'reply_to_message_id', 'message_thread_id',
  'offset', 'limit', 'timeout', 'cache_time', 'user_id', 'duration', 'width', 'height', 'max_connections']);
const BOOLEAN_KEYS = new Set(['disable_notification', 'protect_content', 'show_alert', 'drop_pending_updates',
  'disable_web_page_preview', 'allow_sending_without_reply', 'has_spoiler', 'disable_content_type_detection',
  'revoke_messages', 'only_if_banned']);

function coerce(key: string, value: string): unknown {
  if (JSON_KEYS.has(key)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // Telegram would reject it; the handler reports the bad shape.
    }
  }
  if (INTEGER_KEYS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOLEAN_KEYS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function fromSearchParams(search: URLSearchParams, into: Params): void {
  for (const [key, value] of search) into[key] = coerce(key, value);
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  pdf: 'application/pdf', csv: 'text/csv', txt: 'text/plain', json: 'application/json', zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Like Telegram, infer a MIME type from the file name when the upload does not say (telegraf never does). */
export function mimeTypeOf(filename: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function parseMultipart(body: Buffer, boundary: string, into: Params): void {
  const opening = Buffer.from(`--${boundary}`);
  const separator = Buffer.from(`\r\n--${boundary}`);
  let position = body.indexOf(opening);
  if (position < 0) throw new BodyError('multipart body without its boundary');
  position += opening.length;
  for (;;) {
    if (body.subarray(position, position + 2).toString('latin1') === '--') return;
    if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
    const end = body.indexOf(separator, position);
    if (end < 0) throw new BodyError('multipart part without a closing boundary');
    const part = body.subarray(position, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new BodyError('multipart part without headers');
    const headers = new Map<string, string>();
    for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    const name = /(?:^|;)\s*name="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) throw new BodyError('multipart part without a name');
    const filename = /(?:^|;)\s*filename="([^"]*)"/.exec(disposition)?.[1];
    // Copy: the part must outlive the request buffer a test might reuse.
    const data = Buffer.from(part.subarray(headerEnd + 4));
    if (filename === undefined) {
      into[name] = coerce(name, data.toString('utf8'));
    } else {
      const file: UploadedFile = {
        filename,
        contentType: headers.get('content-type') ?? mimeTypeOf(filename),
        size: data.length,
        data,
      };
      into[name] = file;
    }
    position = end + separator.length;
  }
}

export function parseParams(contentType: string | undefined, body: Buffer, query: URLSearchParams): Params {
  const params: Params = {};
  fromSearchParams(query, params);
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length === 0) return params;
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyError("can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new BodyError('JSON body must be an object');
    }
    Object.assign(params, parsed);
  } else if (type === 'application/x-www-form-urlencoded') {
    fromSearchParams(new URLSearchParams(body.toString('utf8')), params);
  } else if (type === 'multipart/form-data') {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    if (boundary === undefined) throw new BodyError('multipart content type without a boundary');
    parseMultipart(body, boundary, params);
  } else {
    throw new BodyError(`unsupported content type "${type}"`);
  }
  return params;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as { data?: unknown }).data) &&
    typeof (value as { filename?: unknown }).filename === 'string';
}
