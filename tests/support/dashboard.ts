// Signing in to the dashboard as Telegram would: initData signed with the bot's token (by the same
// library the server checks it with), and the dashboard's data requests.
import { signInitData } from '../../src/dashboard/sign-in.ts';
import type { Harness, Person } from './bot-harness.ts';

export function signedInitData(person: Person, token: string, authDate = new Date()): string {
  return signInitData({ id: person.id, first_name: person.first_name }, token, authDate);
}

export async function getJson(port: number, path: string, initData: string | null, init: RequestInit = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    ...init, headers: { ...(initData === null ? {} : { authorization: `tma ${initData}` }), ...(init.headers ?? {}) },
  });
  return { status: res.status, body: await res.json() as Record<string, unknown> & { error?: string } };
}

/** Items in three OPDs, in every status, as a campaign would have them; the first OPD's first is long overdue. */
export async function addItems(harness: Harness) {
  const opds = await harness.t.db.opd.findMany({ take: 3, orderBy: { id: 'asc' } });
  const evaluation = await harness.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: opds[0]!.workspaceId }, orderBy: { year: 'desc' } });
  const statuses = ['belum', 'proses', 'diajukan', 'selesai', 'revisi', 'dibatalkan', 'selesai'];
  await harness.t.db.checklistItem.createMany({
    data: opds.flatMap((opd, o) => statuses.slice(o).map((status, k) => ({
      workspaceId: opd.workspaceId, evaluationId: evaluation.id, opdId: opd.id, title: `Butir ${o}-${k}`, status, dueDate: o === 0 && k === 0 ? '2020-01-06' : null,
    }))),
  });
}
