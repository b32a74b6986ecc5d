// The HTTP face of the fake: routes `/bot{token}/{method}` and `/file/bot{token}/{path}` the way
// api.telegram.org does, parses the parameters and writes Telegram-shaped JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { BodyError, parseParams } from './fake-bot-api-body.ts';
import type { ApiResponse, FakeCall, Params } from './fake-bot-api-types.ts';

export interface HttpDeps {
  token: string;
  /** The canonical name of a method, whatever its case (Telegram ignores the case). */
  resolveMethod: (name: string) => string | undefined;
  execute: (method: string, params: Params, via: FakeCall['via'], onPoll: (cancel: () => void) => void) => Promise<ApiResponse>;
  /** Records a call that is refused before any method runs (wrong token, unknown method). */
  refuse: (method: string, params: Params, response: ApiResponse) => ApiResponse;
  fileData: (path: string) => Buffer | undefined;
}

const UNAUTHORIZED: ApiResponse = { ok: false, error_code: 401, description: 'Unauthorized' };
const NOT_FOUND: ApiResponse = { ok: false, error_code: 404, description: 'Not Found' };
const METHOD_NOT_FOUND: ApiResponse = { ok: false, error_code: 404, description: 'Not Found: method not found' };

export function sendJson(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const body = JSON.stringify(response);
  // Telegram's HTTP status is the error code; of a 5xx telegraf reads only the status text.
  res.writeHead(response.ok ? 200 : response.error_code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export class HttpFront {
  private readonly inflight = new Set<ServerResponse>();

  constructor(private readonly deps: HttpDeps) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.inflight.add(res);
    res.once('close', () => this.inflight.delete(res));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.respond(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        sendJson(res, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
      });
    });
  }

  /** Resolves once the answers being written are out, or after `capMs`. */
  async drain(capMs: number): Promise<void> {
    const closed = [...this.inflight].map((res) => new Promise((resolve) => res.once('close', resolve)));
    await Promise.race([Promise.all(closed), sleep(capMs)]);
  }

  private async respond(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(res, decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));
    const route = /^\/bot([^/]+)\/([A-Za-z0-9_]+)$/.exec(url.pathname);
    if (!route) return sendJson(res, NOT_FOUND);
    const requested = route[2]!;
    let params: Params;
    try {
      params = parseParams(req.headers['content-type'], body, url.searchParams);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return sendJson(res, { ok: false, error_code: 400, description: `Bad Request: ${error.message}` });
    }
    const method = this.deps.resolveMethod(requested);
    // telegraf's multipart bodies repeat the method as a field; it is not a parameter.
    if (params['method'] === method || params['method'] === requested) delete params['method'];
    if (decodeURIComponent(route[1]!) !== this.deps.token) return sendJson(res, this.deps.refuse(requested, params, UNAUTHORIZED));
    if (method === undefined) return sendJson(res, this.deps.refuse(requested, params, METHOD_NOT_FOUND));
    let cancelPoll: () => void = () => undefined;
    res.once('close', () => cancelPoll());
    sendJson(res, await this.deps.execute(method, params, 'http', (cancel) => (cancelPoll = cancel)));
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const data = token === this.deps.token ? this.deps.fileData(path) : undefined;
    if (!data) return sendJson(res, NOT_FOUND);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
    res.end(data);
  }
}
