// The dashboard's HTTP side, served by the bot's own server (webhook mode, or the /healthz server
// on PORT in polling mode): GET /dasbor is the page, GET /dasbor/api/… its data as JSON. Every
// data request carries Telegram's initData (`Authorization: tma …`) and is answered for the
// person it names, scoped like their chat commands; without a valid one it gets only an error.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { dashboardSummary } from '../app/dashboard.ts';
import { dashboardOpdPage, evidenceFileFor } from '../app/dashboard-opd.ts';
import { verificationQueue } from '../app/dashboard-queue.ts';
import { dashboardIndicatorPage } from '../app/dashboard-indicator.ts';
import { memberActor } from '../app/actors.ts';
import { moveChecklistItem } from '../app/checklists.ts';
import { attachItemEvidence, linkEvidence } from '../app/evidence.ts';
import { evidenceLinkIn } from '../domain/evidence-link.ts';
import type { MoveNotice } from '../app/checklists.ts';
import { ITEM_ACTIONS, STATUS_LABELS } from '../domain/checklists.ts';
import type { ItemAction } from '../domain/checklists.ts';
import { REASON_MAX_LENGTH } from '../domain/checklists.ts';
import { findViewer } from '../app/viewer.ts';
import type { DashboardViewer } from '../app/dashboard.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { pageTexts, dashboardTexts as t } from './texts.ts';
import { initDataOf, signIn } from './sign-in.ts';

export interface DashboardDeps {
  db: Db;
  clock: { now(): Date };
  logger: Logger;
  /** the bot token: the key of Telegram's signature */
  token: string;
  /** tells an assignee privately that their item was accepted or sent back (the chat's message) */
  notify?: (notice: MoveNotice, item: { id: number; title: string }) => Promise<boolean>;
  /** sends a stored Telegram file to a person's private chat */
  sendFile?: (telegramId: number, file: { kind: 'document' | 'photo'; fileId: string; caption: string }) => Promise<boolean>;
}

/** A move's body is a reason at most: anything larger is refused unread. */
const MAX_BODY = 8_192;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

/** The page, read once: HTML, CSS and script in one small file, no request elsewhere. */
const PAGE = Buffer.from(readFileSync(new URL('./page.html', import.meta.url), 'utf8')
  .replace('/*PAGE_TEXTS*/{}', JSON.stringify(pageTexts).replaceAll('<', '\\u003c')));

// Gzipped when the client accepts it (Telegram's in-app browsers do): the page is 25 KB, 7,6 KB
// gzipped, and a koordinator's summary 8,6 KB, 1 KB gzipped, on the mobile links of many OPDs.
// Behind nginx with `gzip on` the proxy would do it; served directly, nothing else would.
const PAGE_GZIP = gzipSync(PAGE, { level: 9 });
/** Below this a JSON body goes as it is: gzip's header and the CPU would gain nothing. */
const GZIP_MIN_BYTES = 1_024;

/** Whether the request's Accept-Encoding allows gzip (named or `*`, and not with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const codings = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    return { name, q: q === undefined ? 1 : Number(q.slice(2)) };
  });
  const gzip = codings.find((c) => c.name === 'gzip') ?? codings.find((c) => c.name === '*');
  return gzip !== undefined && gzip.q > 0;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', vary: 'accept-encoding' };
  if (text.length >= GZIP_MIN_BYTES && acceptsGzip(res.req?.headers['accept-encoding'])) {
    res.writeHead(status, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(text));
  } else {
    res.writeHead(status, headers).end(text);
  }
}

/** Handles /dasbor and /dasbor/api/*; returns false for any other path (the caller answers it). */
export function dashboardHandler(deps: DashboardDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    // A request line that is no URL ("GET //[") is not ours, and must not throw out of the server.
    if (!URL.canParse(req.url ?? '/', 'http://localhost')) return false;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/dasbor' || url.pathname === '/dasbor/') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void json(res, 405, { error: t.methodNotAllowed }), true;
      const gzip = acceptsGzip(req.headers['accept-encoding']);
      const body = gzip ? PAGE_GZIP : PAGE;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-cache', vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        // Nothing but this page's own inline code and its own API; Telegram's clients frame it.
        'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
        'referrer-policy': 'no-referrer',
      }).end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    if (!url.pathname.startsWith('/dasbor/api/')) return false;
    void api(deps, req, res, url).catch((error: unknown) => {
      deps.logger.error({ err: error, path: url.pathname }, 'dashboard request failed');
      if (!res.headersSent) json(res, 500, { error: t.failed });
    });
    return true;
  };
}

async function api(deps: DashboardDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = performance.now();
  const now = deps.clock.now();
  const auth = signIn(initDataOf(req.headers.authorization), deps.token, now);
  if (!auth.ok) return json(res, 401, { error: auth.reason === 'stale' ? t.stale : t.signInFailed, reason: auth.reason });
  const found = await findViewer(deps.db, auth.telegramId, url.searchParams.get('ws'));
  if (!found.ok && found.problem === 'choose') return json(res, 200, { choose: found.workspaces });
  if (!found.ok) return json(res, 403, { error: t.notMember });
  const opd = /^\/dasbor\/api\/opd\/(\d{1,9})$/.exec(url.pathname);
  const move = /^\/dasbor\/api\/butir\/(\d{1,9})\/([a-z]{1,20})$/.exec(url.pathname);
  const indicator = /^\/dasbor\/api\/indikator\/(\d{1,3})$/.exec(url.pathname);
  const file = /^\/dasbor\/api\/bukti\/(\d{1,9})\/kirim$/.exec(url.pathname);
  if (move && move[2] === 'bukti' && req.method === 'POST') {
    await evidenceRequest(deps, req, res, found.viewer, Number(move[1]), now);
  } else if (move && req.method === 'POST') {
    await moveRequest(deps, req, res, found.viewer, Number(move[1]), move[2]!, now);
  } else if (file && req.method === 'POST') {
    const evidence = await evidenceFileFor(deps.db, found.viewer, Number(file[1]));
    if (!evidence.ok) json(res, 404, { error: t.fileNotFound });
    else if (!deps.sendFile || !(await deps.sendFile(auth.telegramId, evidence))) json(res, 409, { error: t.fileNotSent });
    else json(res, 200, { ok: true, message: t.fileSent });
  } else if (req.method !== 'GET') {
    json(res, 405, { error: t.methodNotAllowed });
  } else if (url.pathname === '/dasbor/api/ringkasan') {
    const summary = await dashboardSummary(deps.db, found.viewer, now);
    json(res, 200, { ...summary, viewer: { ...summary.viewer, name: found.name }, otherWorkspaces: found.others });
  } else if (url.pathname === '/dasbor/api/verifikasi') {
    const queue = await verificationQueue(deps.db, found.viewer);
    if (queue) json(res, 200, { items: queue });
    else json(res, 403, { error: t.verifyOnly });
  } else if (indicator) {
    const page = await dashboardIndicatorPage(deps.db, found.viewer, Number(indicator[1]));
    if (page) json(res, 200, page);
    else json(res, 404, { error: t.indicatorNotFound });
  } else if (opd) {
    const page = await dashboardOpdPage(deps.db, found.viewer, Number(opd[1]), now);
    if (page.ok) json(res, 200, { opd: page.opd, items: page.items });
    else json(res, 404, { error: t.opdNotFound });
  } else {
    json(res, 404, { error: t.notFound });
  }
  deps.logger.info({ path: url.pathname, workspace: found.viewer.workspace.slug, duration_ms: Math.round((performance.now() - started) * 10) / 10 }, 'dashboard request');
}

/** Accept, send back or any move of an item, exactly as the chat's buttons do it. */
async function moveRequest(deps: DashboardDeps, req: IncomingMessage, res: ServerResponse, viewer: DashboardViewer, itemId: number, action: string, now: Date): Promise<void> {
  if (!(ITEM_ACTIONS as readonly string[]).includes(action)) return json(res, 400, { error: t.unknownAction });
  const body = await readJson(req);
  if (body === null) return json(res, 400, { error: t.badBody });
  const reason = typeof body.alasan === 'string' ? body.alasan.trim() : null;
  if (reason !== null && [...reason].length > REASON_MAX_LENGTH) return json(res, 400, { error: t.reasonTooLong(REASON_MAX_LENGTH) });
  const outcome = await moveChecklistItem(deps.db, {
    workspaceId: viewer.workspace.id, actor: memberActor(viewer),
    itemId, action: action as ItemAction, reason: reason || null, now,
  });
  if (!outcome.ok) return json(res, outcome.problem === 'stale' ? 409 : 403, { error: outcome.problem === 'stale' ? t.stale409 : outcome.reason });
  const told = outcome.notice && deps.notify ? await deps.notify(outcome.notice, outcome.item) : false;
  json(res, 200, { ok: true, id: outcome.item.id, status: outcome.to, statusLabel: STATUS_LABELS[outcome.to], told: outcome.notice ? told : null });
}

/** A link as evidence, exactly as the chat takes one: the same address rule, the same use case. */
async function evidenceRequest(deps: DashboardDeps, req: IncomingMessage, res: ServerResponse, viewer: DashboardViewer, itemId: number, now: Date): Promise<void> {
  const body = await readJson(req);
  if (body === null) return json(res, 400, { error: t.badBody });
  const link = typeof body.url === 'string' ? evidenceLinkIn(body.url) : null;
  if (!link) return json(res, 400, { error: t.badLink });
  const outcome = await attachItemEvidence(deps.db, { workspaceId: viewer.workspace.id, actor: memberActor(viewer), itemId, evidence: linkEvidence(link), now });
  if (!outcome.ok) return json(res, outcome.problem === 'stale' ? 409 : 403, { error: outcome.problem === 'stale' ? t.stale409 : outcome.reason });
  json(res, 200, { ok: true, id: outcome.item.id, status: outcome.to, statusLabel: STATUS_LABELS[outcome.to] });
}
