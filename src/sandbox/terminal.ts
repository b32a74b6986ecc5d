// The sandbox's chat window in a terminal: what is typed is pushed to the fake Bot API as a
// Telegram user would send it, and what the bot sends back (seen as calls on the fake) is printed
// as it happens. Lines are handled one at a time, each waiting until the bot has finished with
// the update it caused, so piped input (`printf '/indeks\n1\n' | npm start`) behaves like a
// person who reads each reply before typing the next line.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Interface } from 'node:readline';
import { DEMO_PEOPLE } from '../db/demo.ts';
import { isUploadedFile } from './fake-bot-api-body.ts';
import type { FakeBotApi, FakeCall, FakeSender, TgUpdate } from './fake-bot-api.ts';
import { buttonLines, indent, inlineButtons, messageText } from './render.ts';
import type { TerminalStyle } from './render.ts';
import { sandboxTexts as t } from './sandbox-texts.ts';

export interface TerminalIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** where photos and documents the bot sends are saved; default a new temp folder */
  photoDir?: string;
}

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

export interface TerminalOptions {
  api: FakeBotApi;
  io: TerminalIo;
  groupId: number;
  groupTitle: string;
  workspaceName: string;
  /** how long one line may keep the bot busy before the next is taken anyway */
  replyTimeoutMs?: number;
}

const MESSAGE_METHODS = new Set([
  'sendMessage', 'editMessageText', 'editMessageCaption', 'editMessageReplyMarkup', 'deleteMessage',
  'sendPhoto', 'sendDocument', 'sendMediaGroup', 'answerCallbackQuery',
]);

const END = Symbol('end of input');

export class SandboxTerminal {
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private readonly api: FakeBotApi;
  private readonly input: NodeJS.ReadableStream;
  private readonly output: NodeJS.WritableStream;
  private readonly interactive: boolean;
  private readonly style: TerminalStyle;
  private readonly replyTimeoutMs: number;
  private rl: Interface | undefined;
  private person: SandboxPerson = SANDBOX_PEOPLE[0]!;
  private inGroup = true;
  private readonly queue: (string | typeof END)[] = [];
  private working = false;
  private done = false;
  private prompting = false;
  private buttonHintShown = false;
  private fileDir: string | undefined;
  private readonly requestedFileDir: string | undefined;
  /** the highest getUpdates offset seen: every update below it has been handled by the bot */
  private polledPast = 0;
  private lastPushedUpdate = 0;
  private waiters: { updateId: number; resolve: () => void }[] = [];
  private readonly onCall = (call: FakeCall) => this.handleCall(call);
  private readonly onUpdate = (update: TgUpdate) => { this.lastPushedUpdate = Math.max(this.lastPushedUpdate, update.update_id); };

  constructor(private readonly options: TerminalOptions) {
    this.api = options.api;
    this.input = options.io.input;
    this.output = options.io.output;
    this.requestedFileDir = options.io.photoDir;
    const outTty = (this.output as { isTTY?: boolean }).isTTY === true;
    this.interactive = outTty && (this.input as { isTTY?: boolean }).isTTY === true;
    this.style = { color: outTty && !process.env['NO_COLOR'] };
    this.replyTimeoutMs = options.replyTimeoutMs ?? 30_000;
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve; });
    this.api.on('call', this.onCall);
    this.api.on('update', this.onUpdate);
  }

  /** Prints the welcome and starts reading lines. */
  start(): void {
    this.write(t.welcome({ workspace: this.options.workspaceName, group: this.options.groupTitle, person: this.person.description }));
    const rl = createInterface({ input: this.input, output: this.interactive ? this.output : undefined, terminal: this.interactive });
    this.rl = rl;
    rl.on('line', (line) => this.enqueue(line));
    // End of input (Ctrl-D, a pipe that ran dry) ends the session once the lines before it are done.
    rl.on('close', () => this.enqueue(END));
    // In a TTY readline takes Ctrl-C itself (raw mode), so no SIGINT reaches the process.
    rl.on('SIGINT', () => this.finish());
    this.showPrompt();
  }

  /** A warning or error the bot logged, shown where the conversation is. */
  notice(text: string): void {
    this.write(text);
  }

  /** Stops listening; `finished` resolves if it had not yet. */
  close(): void {
    this.finish(false);
    this.api.off('call', this.onCall);
    this.api.off('update', this.onUpdate);
  }

  private get chatId(): number {
    return this.inGroup ? this.options.groupId : this.person.sender.id;
  }

  private get promptText(): string {
    return `${this.person.short} · ${this.inGroup ? 'grup' : 'pribadi'} › `;
  }

  private enqueue(line: string | typeof END): void {
    if (this.done) return;
    this.queue.push(line);
    if (!this.working) void this.work();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      for (let line = this.queue.shift(); line !== undefined && !this.done; line = this.queue.shift()) {
        if (line === END) {
          this.finish();
          break;
        }
        this.prompting = false;
        if (!this.interactive) this.write(`${this.promptText}${line}`);
        try {
          await this.handleLine(line.trim());
        } catch (error) {
          this.write(`⚠️  ${(error as Error).message}`);
        }
        if (this.queue.length === 0) this.showPrompt();
      }
    } finally {
      this.working = false;
    }
  }

  private async handleLine(line: string): Promise<void> {
    if (line === '') return;
    if (line.startsWith(':')) return this.sandboxCommand(line);
    if (/^\d+$/.test(line)) return this.press(Number(line));
    this.api.pushText({
      chatId: this.chatId, from: this.person.sender, text: line,
      ...(this.inGroup ? { chatType: 'supergroup' as const, chatTitle: this.options.groupTitle } : {}),
    });
    await this.botDone();
  }

  private sandboxCommand(line: string): void {
    const [command = '', ...rest] = line.slice(1).trim().split(/\s+/);
    const arg = rest.join(' ');
    switch (command.toLowerCase()) {
      case 'sebagai': {
        const chosen = this.findPerson(arg);
        if (!chosen) {
          this.write(t.choosePerson(SANDBOX_PEOPLE.map((p, i) => `${i + 1}  ${p.description}`)));
          return;
        }
        this.person = chosen;
        return this.sayWhere();
      }
      case 'grup':
        this.inGroup = true;
        return this.sayWhere();
      case 'pribadi':
        this.inGroup = false;
        return this.sayWhere();
      case 'bantuan':
      case 'help':
        return this.write(t.commands);
      case 'keluar':
      case 'exit':
      case 'quit':
        return this.finish();
      default:
        return this.write(t.unknownSandboxCommand(`:${command}`));
    }
  }

  private findPerson(arg: string): SandboxPerson | undefined {
    if (/^\d+$/.test(arg)) return SANDBOX_PEOPLE[Number(arg) - 1];
    const name = arg.toLowerCase();
    return name === '' ? undefined : SANDBOX_PEOPLE.find((p) => p.short.toLowerCase().includes(name));
  }

  private sayWhere(): void {
    this.write(t.nowAs(this.person.description, this.inGroup ? t.inGroup(this.options.groupTitle) : t.inPrivate));
  }

  /** Button `n` of the newest bot message with inline buttons in the current chat. */
  private async press(n: number): Promise<void> {
    const message = this.api.messagesTo(this.chatId).reverse().find((m) => inlineButtons(m.reply_markup).length > 0);
    if (!message) return this.write(t.noButtons);
    const buttons = inlineButtons(message.reply_markup);
    const button = buttons[n - 1];
    if (!button || n < 1) return this.write(t.noSuchButton(n, buttons.length));
    if (button.data === undefined) return this.write(t.linkButton(n, button.url ?? ''));
    this.write(t.pressing(n, button.text));
    this.api.pushCallback({ chatId: this.chatId, from: this.person.sender, messageId: message.message_id, data: button.data });
    await this.botDone();
  }

  /**
   * Resolves once the bot has handled the update just pushed: telegraf handles a batch of
   * updates completely before its next getUpdates, whose offset then passes that update.
   */
  private botDone(): Promise<void> {
    const updateId = this.lastPushedUpdate;
    if (this.polledPast > updateId) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        this.write(t.slowBot(Math.round(this.replyTimeoutMs / 1000)));
        resolve();
      }, this.replyTimeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ updateId, resolve: done });
    });
  }

  private handleCall(call: FakeCall): void {
    if (call.method === 'getUpdates') {
      const offset = call.params['offset'];
      if (typeof offset === 'number' && offset > this.polledPast) {
        this.polledPast = offset;
        const ready = this.waiters.filter((w) => w.updateId < offset);
        this.waiters = this.waiters.filter((w) => w.updateId >= offset);
        for (const w of ready) w.resolve();
      }
      return;
    }
    if (!MESSAGE_METHODS.has(call.method) || this.done) return;
    try {
      const block = this.describe(call);
      if (block) this.write(block);
    } catch (error) {
      this.write(`⚠️  ${(error as Error).message}`);
    }
  }

  /** The lines one call of the bot shows, or null when it shows nothing (a silent callback answer). */
  private describe(call: FakeCall): string | null {
    const p = call.params;
    if (call.response && !call.response.ok) return t.refused(call.method, call.response.description);
    if (call.method === 'answerCallbackQuery') {
      return typeof p['text'] === 'string' && p['text'] !== '' ? t.callbackNotice(p['text']) : null;
    }
    const chatId = Number(p['chat_id']);
    const where = chatId === this.chatId ? null : this.chatName(chatId);
    switch (call.method) {
      case 'sendMessage':
        return this.messageBlock(t.botSays(where), String(p['text'] ?? ''), p);
      case 'editMessageText':
        return this.messageBlock(t.botEdits(where), String(p['text'] ?? ''), p);
      case 'editMessageCaption':
        return this.messageBlock(t.botEdits(where), String(p['caption'] ?? ''), p);
      case 'editMessageReplyMarkup':
        return buttonLines(p['reply_markup']).length > 0 ? this.messageBlock(t.botButtonsChanged(where), '', p) : t.botButtonsRemoved(where);
      case 'deleteMessage':
        return t.botDeletes(where);
      case 'sendPhoto':
        return this.fileBlock(t.botPhoto(where), p['photo'], 'foto.png', t.photoSaved, p);
      case 'sendDocument':
        return this.fileBlock(t.botDocument(where), p['document'], 'berkas.dat', t.documentSaved, p);
      case 'sendMediaGroup':
        return this.albumBlock(where, p);
      default:
        return null;
    }
  }

  private messageBlock(header: string, text: string, p: FakeCall['params']): string {
    const lines = [header];
    if (text !== '') lines.push(indent(messageText(text, p['parse_mode'], this.style)));
    const buttons = buttonLines(p['reply_markup']);
    if (buttons.length > 0) {
      lines.push(...buttons.map((b) => `  ${b}`));
      if (!this.buttonHintShown) {
        this.buttonHintShown = true;
        lines.push(`  ${t.buttonHint}`);
      }
    }
    return lines.join('\n');
  }

  /** An album: one block per photo, the caption (on the first) printed with it. */
  private albumBlock(where: string | null, p: FakeCall['params']): string {
    const media = Array.isArray(p['media']) ? (p['media'] as Record<string, unknown>[]) : [];
    return media.map((item) => {
      const ref = item['media'];
      const file = typeof ref === 'string' && ref.startsWith('attach://') ? p[ref.slice('attach://'.length)] : ref;
      return this.fileBlock(t.botPhoto(where), file, 'foto.png', t.photoSaved, { caption: item['caption'], parse_mode: item['parse_mode'] });
    }).join('\n');
  }

  private fileBlock(header: string, file: unknown, fallbackName: string, saved: (path: string) => string, p: FakeCall['params']): string {
    const caption = typeof p['caption'] === 'string' ? p['caption'] : '';
    const block = this.messageBlock(header, caption, p);
    const note = isUploadedFile(file) ? saved(this.saveFile(file.filename || fallbackName, file.data)) : t.fileNotSaved(String(file));
    return `${block}\n  ${note}`;
  }

  /** Written synchronously so that what is printed keeps the order of the bot's calls. */
  private saveFile(name: string, data: Buffer): string {
    if (this.fileDir === undefined) {
      if (this.requestedFileDir === undefined) {
        this.fileDir = mkdtempSync(join(tmpdir(), 'spbe-sandbox-'));
      } else {
        mkdirSync(this.requestedFileDir, { recursive: true });
        this.fileDir = this.requestedFileDir;
      }
    }
    // The name comes from the bot: keep only its last part and ordinary characters.
    const safe = basename(name).replace(/[^\w.-]+/g, '_') || 'berkas';
    const ext = extname(safe);
    const stem = safe.slice(0, safe.length - ext.length);
    let path = join(this.fileDir, safe);
    for (let i = 2; existsSync(path); i++) path = join(this.fileDir, `${stem}-${i}${ext}`);
    writeFileSync(path, data);
    return path;
  }

  private chatName(chatId: number): string {
    if (chatId === this.options.groupId) return t.groupChat(this.options.groupTitle);
    const person = SANDBOX_PEOPLE.find((p) => p.sender.id === chatId);
    return person ? t.privateChat(person.short) : t.otherChat(chatId);
  }

  private showPrompt(): void {
    if (!this.interactive || this.done || !this.rl) return;
    this.prompting = true;
    this.rl.setPrompt(this.promptText);
    this.rl.prompt(true);
  }

  /** One block of output followed by a blank line; in a TTY the prompt is redrawn under it. */
  private write(text: string): void {
    if (this.interactive && this.prompting) {
      // Clear the prompt line first, so the bot's words do not land after "Rina · grup › ".
      clearLine(this.output, 0);
      cursorTo(this.output, 0);
    }
    this.output.write(`${text}\n\n`);
    if (this.interactive && this.prompting && this.rl && !this.done) this.rl.prompt(true);
  }

  private finish(sayBye = true): void {
    if (this.done) return;
    this.done = true;
    if (sayBye) this.write(t.bye);
    this.prompting = false;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    this.rl?.close();
    this.resolveFinished();
  }
}
