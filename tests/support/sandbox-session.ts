// Drives the sandbox of `npm start` without a token as a newcomer would: lines typed into its
// input, the conversation read back from its output. The bot behind it is the real one, polling
// the fake Bot API over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BotDeps } from '../../src/bot/context.ts';
import type { RunningBot } from '../../src/bot/launch.ts';
import type { SandboxOptions } from '../../src/sandbox/start.ts';
import { startSandbox } from '../../src/sandbox/start.ts';

export interface SandboxSession {
  running: RunningBot;
  input: PassThrough;
  /** where the photos and documents the bot sends are saved */
  photoDir: string;
  /** everything printed so far */
  output(): string;
  /** types one line and resolves with the output from then on, once it contains `expected` */
  type(line: string, expected: string): Promise<string>;
  /** stops the sandbox and removes its files */
  close(): Promise<void>;
}

/** Polls the output until it contains `expected` after position `from`; fails after 10 s with what was printed. */
export async function outputContaining(read: () => string, from: number, expected: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = read().slice(from);
    if (text.includes(expected)) return text;
    if (Date.now() > deadline) throw new Error(`no "${expected}" in the sandbox output within 10 s; it printed:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startSandboxSession(deps: BotDeps, options: SandboxOptions = {}): Promise<SandboxSession> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => { printed += chunk.toString('utf8'); });
  const photoDir = mkdtempSync(join(tmpdir(), 'spbe-sandbox-test-'));
  const running = await startSandbox(deps, { input, output, photoDir }, options).catch((error: unknown) => {
    rmSync(photoDir, { recursive: true, force: true });
    throw error;
  });
  return {
    running, input, photoDir,
    output: () => printed,
    type(line, expected) {
      const from = printed.length;
      input.write(`${line}\n`);
      return outputContaining(() => printed, from, expected);
    },
    async close() {
      await running.stop('test');
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}
