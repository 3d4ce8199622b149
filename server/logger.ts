/** Where the server says what happened: one JSON line per event, to stdout (info) or stderr (warn, error). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const line = (level: string, message: string, fields?: Record<string, unknown>) =>
  `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`;

export const consoleLogger: Logger = {
  info: (message, fields) => process.stdout.write(line('info', message, fields)),
  warn: (message, fields) => process.stderr.write(line('warn', message, fields)),
  error: (message, fields) => process.stderr.write(line('error', message, fields)),
};

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
