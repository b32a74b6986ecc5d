// A minimal structured logger: one JSON line per event on stderr, with only the fields given
// (no update bodies, no tokens), filtered by LOG_LEVEL.

export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const ORDER = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof ORDER;

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger & { debug: Logger['info'] } {
  const emit = (at: LogLevel) => (fields: Record<string, unknown>, message: string) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields },
      (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
