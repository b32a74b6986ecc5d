// What the sandbox terminal prints for each call the bot makes on the fake Bot API: a message,
// an edit, a photo or a document (saved as a file, its path printed), an album, a callback
// notice. Numbered buttons come with the message they belong to.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { isUploadedFile } from './fake-bot-api-body.ts';
import type { FakeCall } from './fake-bot-api.ts';
import { SANDBOX_PEOPLE } from './people.ts';
import { buttonLines, indent, messageText } from './render.ts';
import type { TerminalStyle } from './render.ts';
import { sandboxTexts as t } from './sandbox-texts.ts';

export interface CallPrinterOptions {
  groupId: number;
  groupTitle: string;
  style: TerminalStyle;
  /** where photos and documents the bot sends are saved; default a new temp folder */
  fileDir?: string;
}

export class CallPrinter {
  private buttonHintShown = false;
  private fileDir: string | undefined;

  constructor(private readonly options: CallPrinterOptions) {}

  /** The lines one call shows, seen from `chatId`; null when it shows nothing (a silent callback answer). */
  describe(call: FakeCall, chatId: number): string | null {
    const p = call.params;
    if (call.response && !call.response.ok) return t.refused(call.method, call.response.description);
    if (call.method === 'answerCallbackQuery') {
      return typeof p['text'] === 'string' && p['text'] !== '' ? t.callbackNotice(p['text']) : null;
    }
    const target = Number(p['chat_id']);
    const where = target === chatId ? null : this.chatName(target);
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
    if (text !== '') lines.push(indent(messageText(text, p['parse_mode'], this.options.style)));
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
      if (this.options.fileDir === undefined) {
        this.fileDir = mkdtempSync(join(tmpdir(), 'spbe-sandbox-'));
      } else {
        mkdirSync(this.options.fileDir, { recursive: true });
        this.fileDir = this.options.fileDir;
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
}
