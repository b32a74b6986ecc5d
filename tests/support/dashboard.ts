// Signing in to the dashboard as Telegram would: initData signed with the bot's token (by the same
// library the server checks it with), and the dashboard's data requests.
import { sign } from '@telegram-apps/init-data-node';
import type { Person } from './bot-harness.ts';

export function signedInitData(person: Person, token: string, authDate = new Date()): string {
  return sign({ user: { id: person.id, first_name: person.first_name } as never, query_id: 'AAF-test' }, token, authDate);
}

export async function getJson(port: number, path: string, initData: string | null, init: RequestInit = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    ...init, headers: { ...(initData === null ? {} : { authorization: `tma ${initData}` }), ...(init.headers ?? {}) },
  });
  return { status: res.status, body: await res.json() as Record<string, unknown> & { error?: string } };
}
