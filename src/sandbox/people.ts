// Who can type in the sandbox: the demo people (src/db/demo.ts), members of the live demo, and a
// stranger who is in no workspace.
import { DEMO_PEOPLE } from '../db/demo.ts';
import type { FakeSender } from './fake-bot-api.ts';

export interface SandboxPerson {
  /** as shown in the prompt */
  short: string;
  /** who this is in the demo */
  description: string;
  sender: FakeSender;
}

// The Telegram first_name is the demo person's stored display name: the bot updates a person's
// name from every message, and the demo's names (with their roles) should stay as seeded.
const demoSender = (i: number): FakeSender => ({ id: Number(DEMO_PEOPLE[i]!.telegramId), first_name: DEMO_PEOPLE[i]!.name });

export const SANDBOX_PEOPLE: readonly SandboxPerson[] = [
  { short: 'Rina', description: 'Rina (koordinator)', sender: demoSender(0) },
  { short: 'Budi', description: 'Budi (PIC Bappeda)', sender: demoSender(1) },
  { short: 'Pak Sekda', description: 'Pak Sekda (pimpinan)', sender: demoSender(2) },
  // Not in the demo workspace: shows what a newcomer without an invitation sees.
  { short: 'Tamu', description: 'Tamu (belum anggota)', sender: { id: 777_001, first_name: 'Tamu' } },
];

/** `:sebagai 2` or `:sebagai budi`; undefined when nobody matches. */
export function findSandboxPerson(arg: string): SandboxPerson | undefined {
  if (/^\d+$/.test(arg)) return SANDBOX_PEOPLE[Number(arg) - 1];
  const name = arg.toLowerCase();
  return name === '' ? undefined : SANDBOX_PEOPLE.find((p) => p.short.toLowerCase().includes(name));
}
