// The sandbox's chat window in a terminal: what is typed is pushed to the fake Bot API as a
// Telegram user would send it, and what the bot sends back (seen as calls on the fake) is printed
// as it happens. Lines are handled one at a time, each waiting until the bot has finished with
// the update it caused, so piped input (`printf '/indeks\n1\n' | npm start`) behaves like a
// person who reads each reply before typing the next line.
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Interface } from 'node:readline';
import { BotTurns } from './bot-turns.ts';
import { CallPrinter } from './call-printer.ts';
import type { FakeBotApi, FakeCall, TgUpdate } from './fake-bot-api.ts';
import type { SandboxPerson } from './people.ts';
import { findSandboxPerson, SANDBOX_PEOPLE } from './people.ts';
import { inlineButtons } from './render.ts';
import type { DemoFacts } from './sandbox-texts.ts';
import { sandboxTexts as t } from './sandbox-texts.ts';

export interface TerminalIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** where photos and documents the bot sends are saved; default a new temp folder */
  photoDir?: string;
}

export interface TerminalOptions {
  api: FakeBotApi;
  io: TerminalIo;
  groupId: number;
  groupTitle: string;
  workspaceName: string;
  /** the live demo's year and when it was built, for the welcome */
  demo: DemoFacts;
  /** how long one line may keep the bot busy before the next is taken anyway */
  replyTimeoutMs?: number;
}

/** The dashboard's local address signed in as this person (null when its port was taken). */
type DashboardLink = (person: { id: number; first_name: string }) => string | null;

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
  private readonly replyTimeoutMs: number;
  private rl: Interface | undefined;
  private person: SandboxPerson = SANDBOX_PEOPLE[0]!;
  private inGroup = true;
  private readonly queue: (string | typeof END)[] = [];
  private working = false;
  private done = false;
  private prompting = false;
  private readonly printer: CallPrinter;
  private readonly turns = new BotTurns();
  private readonly onCall = (call: FakeCall) => this.handleCall(call);
  private readonly onUpdate = (update: TgUpdate) => this.turns.pushed(update);

  private dashboardLink: DashboardLink = () => null;

  /** Set once the bot's server listens (the address has its port). */
  setDashboardLink(link: DashboardLink): void {
    this.dashboardLink = link;
  }

  constructor(private readonly options: TerminalOptions) {
    this.api = options.api;
    this.input = options.io.input;
    this.output = options.io.output;
    const outTty = (this.output as { isTTY?: boolean }).isTTY === true;
    this.interactive = outTty && (this.input as { isTTY?: boolean }).isTTY === true;
    this.printer = new CallPrinter({
      groupId: options.groupId, groupTitle: options.groupTitle, style: { color: outTty && !process.env['NO_COLOR'] },
      ...(options.io.photoDir === undefined ? {} : { fileDir: options.io.photoDir }),
    });
    this.replyTimeoutMs = options.replyTimeoutMs ?? 30_000;
    this.finished = new Promise((resolve) => { this.resolveFinished = resolve; });
    this.api.on('call', this.onCall);
    this.api.on('update', this.onUpdate);
  }

  /** Prints the welcome and starts reading lines. */
  start(): void {
    this.write(t.welcome({ workspace: this.options.workspaceName, group: this.options.groupTitle, person: this.person.description }, this.options.demo));
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
    // A number presses a button while the bot's newest message here has buttons (or, with none
    // ever shown here, gets the hint); after a question without buttons ("Ketik nomor
    // indikator") it is the answer, sent as text.
    if (/^\d+$/.test(line) && this.numberPresses()) return this.press(Number(line));
    return this.sendText(line);
  }

  private numberPresses(): boolean {
    const messages = this.api.messagesTo(this.chatId);
    const newest = messages.at(-1);
    return newest === undefined || inlineButtons(newest.reply_markup).length > 0
      || !messages.some((m) => inlineButtons(m.reply_markup).length > 0);
  }

  private async sendText(line: string): Promise<void> {
    this.api.pushText({
      chatId: this.chatId, from: this.person.sender, text: line,
      ...(this.inGroup ? { chatType: 'supergroup' as const, chatTitle: this.options.groupTitle } : {}),
    });
    await this.botDone();
  }

  private async sandboxCommand(line: string): Promise<void> {
    const [command = '', ...rest] = line.slice(1).trim().split(/\s+/);
    const arg = rest.join(' ');
    switch (command.toLowerCase()) {
      case 'sebagai': {
        const chosen = findSandboxPerson(arg);
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
      case 'dasbor':
        return this.showDashboardLink();
      case 'ketik':
        // A number (or anything) sent as text even while buttons are showing.
        if (arg === '') return this.write(t.typeUsage);
        return this.sendText(arg);
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

  /** The dashboard for the current person, in any browser: the address is signed as Telegram would. */
  private showDashboardLink(): void {
    const link = this.dashboardLink(this.person.sender);
    this.write(link === null ? t.dashboardUnavailable : t.dashboardLink(this.person.description, link));
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
    if (button.webApp) return this.showDashboardLink();
    if (button.data === undefined) return this.write(t.linkButton(n, button.url ?? ''));
    this.write(t.pressing(n, button.text));
    this.api.pushCallback({ chatId: this.chatId, from: this.person.sender, messageId: message.message_id, data: button.data });
    await this.botDone();
  }

  /** Waits until the bot has handled what was just pushed (or says it is slow). */
  private botDone(): Promise<void> {
    return this.turns.done(this.replyTimeoutMs, () => this.write(t.slowBot(Math.round(this.replyTimeoutMs / 1000))));
  }

  private handleCall(call: FakeCall): void {
    if (call.method === 'getUpdates') return this.turns.polled(call);
    if (!MESSAGE_METHODS.has(call.method) || this.done) return;
    try {
      const block = this.printer.describe(call, this.chatId);
      if (block) this.write(block);
    } catch (error) {
      this.write(`⚠️  ${(error as Error).message}`);
    }
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
    this.turns.releaseAll();
    this.rl?.close();
    this.resolveFinished();
  }
}
