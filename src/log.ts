// The process's logger: pino, one JSON line per event on stderr, level from LOG_LEVEL; readable
// lines (pino-pretty, as a stream in this process, no worker thread) only when asked for in
// development (LOG_PRETTY=1) and in the sandbox. Every line passes a scrubber on its way out, so
// a bot token or a Telegram file URL (which holds the token) never reaches a log, whatever field,
// message or stack it hides in.
import { pino } from 'pino';
import { prettyFactory } from 'pino-pretty';

export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  debug?(fields: Record<string, unknown>, message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Somewhere lines go: stderr, a test's array, the sandbox terminal. */
export interface LogDestination {
  write(line: string): void;
}

// A token is "<bot id>:<35 characters>"; a file URL is https://api.telegram.org/file/bot<token>/<path>.
const FILE_URL = /https?:\/\/[^\s"'/]+\/file\/bot[^\s"']*/g;
const TOKEN = /(?<!\d)\d{6,}:[A-Za-z0-9_-]{30,}/g;

export function scrubSecrets(text: string): string {
  return text.replace(FILE_URL, '[file-url]').replace(TOKEN, '[token]');
}

function scrubbing(destination: LogDestination): LogDestination {
  return { write: (line) => destination.write(scrubSecrets(line)) };
}

const stderr: LogDestination = { write: (line) => void process.stderr.write(line) };

export interface LoggerOptions {
  /** readable lines instead of JSON (development, the sandbox) */
  pretty?: boolean;
  destination?: LogDestination;
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger & { debug: Logger['info'] } {
  const out = scrubbing(options.destination ?? stderr);
  // prettyFactory formats one line synchronously: no stream pipeline, nothing lost at exit.
  const prettify = options.pretty ? prettyFactory({ colorize: false, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }) : null;
  const stream: LogDestination = prettify ? { write: (line) => out.write(prettify(line)) } : out;
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // The level as its name ("warn"), which log tools filter on, rather than pino's number.
    formatters: { level: (label) => ({ level: label }) },
    // `err` keeps its stack (pino's error serializer); `error` is the same, for older call sites.
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // Known secret fields go even before the scrubber sees them.
    redact: { paths: ['token', 'botToken', '*.token', 'webhookSecret', 'secret'], censor: '[redacted]' },
  }, stream as pino.DestinationStream);
}
