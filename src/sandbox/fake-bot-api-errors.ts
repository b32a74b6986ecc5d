// Error answers worded as Telegram words them: the bot's error handling matches on these
// descriptions (there is nothing else to tell one 400 from another), so they must not drift.
import type { ApiResponse, ChatType, Fault, ResponseParameters } from './fake-bot-api-types.ts';

/** Thrown by a method handler; becomes `{ ok: false, ... }` with the same HTTP status. */
export class ApiError extends Error {
  readonly code: number;
  readonly description: string;
  readonly parameters: ResponseParameters | undefined;

  constructor(code: number, description: string, parameters?: ResponseParameters) {
    super(`${code}: ${description}`);
    this.name = 'ApiError';
    this.code = code;
    this.description = description;
    this.parameters = parameters;
  }

  toResponse(): ApiResponse {
    return {
      ok: false,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (detail: string): ApiError => new ApiError(400, `Bad Request: ${detail}`);

export const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup ' +
  'are exactly the same as a current content and reply markup of the message';

export function faultError(fault: Fault, chatType: ChatType | undefined): ApiError {
  switch (fault.kind) {
    case '429':
      return new ApiError(429, `Too Many Requests: retry after ${fault.retryAfter}`, {
        retry_after: fault.retryAfter,
      });
    case '403-kicked': {
      // Telegram names the kind of chat the bot was removed from.
      const where = chatType === 'group' ? 'group chat' : chatType === 'channel' ? 'channel chat' : 'supergroup chat';
      return new ApiError(403, `Forbidden: bot was kicked from the ${where}`);
    }
    case '403-blocked':
      return new ApiError(403, 'Forbidden: bot was blocked by the user');
    case 'migrate':
      return new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: fault.newChatId,
      });
    case '5xx': {
      const status = fault.status ?? 500;
      return new ApiError(status, status === 502 ? 'Bad Gateway' : 'Internal Server Error');
    }
    case '400':
      return new ApiError(400, fault.description.startsWith('Bad Request') ? fault.description : `Bad Request: ${fault.description}`);
  }
}

/** Faults queued by `failNext`, taken in the order they were queued. */
export class FaultPlan {
  private readonly entries: Array<{ method: string; fault: Fault; remaining: number; chatId: number | undefined }> = [];

  /** `chatId` limits the fault to calls aimed at that chat (e.g. only the private copy of a file). */
  add(method: string, fault: Fault, times: number, chatId?: number): void {
    this.entries.push({ method, fault, remaining: times, chatId });
  }

  take(method: string, chatId?: number): Fault | undefined {
    // '*' leaves getUpdates alone: a fault meant for a send must not land on the idle poll
    // (telegraf would then sleep through retry_after before polling again).
    const at = this.entries.findIndex((e) =>
      (e.method === method || (e.method === '*' && method !== 'getUpdates')) && (e.chatId === undefined || e.chatId === chatId));
    const entry = this.entries[at];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries.splice(at, 1);
    return entry.fault;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
