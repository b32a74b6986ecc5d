// The dashboard's HTTP side, served by the bot's own server (webhook mode, or the /healthz server
// on PORT in polling mode): GET /dasbor is the page, GET /dasbor/api/… its data as JSON. Every
// data request carries Telegram's initData (`Authorization: tma …`) and is answered for the
// person it names, scoped like their chat commands; without a valid one it gets only an error.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dashboardSummary } from '../app/dashboard.ts';
import { findViewer } from '../app/viewer.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { dashboardTexts as t } from './texts.ts';
import { initDataOf, signIn } from './sign-in.ts';

export interface DashboardDeps {
  db: Db;
  clock: { now(): Date };
  logger: Logger;
  /** the bot token: the key of Telegram's signature */
  token: string;
}

/** The page, read once: HTML, CSS and script in one small file, no request elsewhere. */
const PAGE = readFileSync(new URL('./page.html', import.meta.url));

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** Handles /dasbor and /dasbor/api/*; returns false for any other path (the caller answers it). */
export function dashboardHandler(deps: DashboardDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/dasbor' || url.pathname === '/dasbor/') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void json(res, 405, { error: t.methodNotAllowed }), true;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8', 'content-length': PAGE.length, 'cache-control': 'no-cache',
        // Nothing but this page's own inline code and its own API; Telegram's clients frame it.
        'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
        'referrer-policy': 'no-referrer',
      }).end(req.method === 'HEAD' ? undefined : PAGE);
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
  if (url.pathname === '/dasbor/api/ringkasan' && req.method === 'GET') {
    const summary = await dashboardSummary(deps.db, found.viewer, now);
    json(res, 200, { ...summary, viewer: { ...summary.viewer, name: found.name }, otherWorkspaces: found.others });
  } else {
    json(res, 404, { error: t.notFound });
  }
  deps.logger.info({ path: url.pathname, workspace: found.viewer.workspace.slug, duration_ms: Math.round((performance.now() - started) * 10) / 10 }, 'dashboard request');
}
