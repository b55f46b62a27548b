/** Logger and a captured console: every line lands in one LogSink. */
import { format } from 'node:util';
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogSink {
  /** Messages in order (Logger.log and console.*). */
  lines: string[];
  entries: Array<{ level: LogLevel; source: 'Logger' | 'console'; message: string; at: number }>;
}

/** Logger.log(format, ...values): `%s` placeholders, or one value. */
function loggerText(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && rest.length > 0) {
    let i = 0;
    return first.replace(/%s|%d/g, (m) => (i < rest.length ? String(rest[i++]) : m));
  }
  if (typeof first === 'object' && first !== null) {
    try {
      return JSON.stringify(first);
    } catch {
      return String(first);
    }
  }
  return String(first);
}

/** Build Logger and console over `sink`. */
export function makeLogging(rt: Runtime, sink: LogSink): { Logger: GasObject; console: GasObject } {
  const write = (level: LogLevel, source: 'Logger' | 'console', message: string) => {
    sink.lines.push(message);
    sink.entries.push({ level, source, message, at: rt.clock.now() });
  };
  const Logger: GasObject = rt.strict('Logger', {
    toString: () => 'Logger',
    log: (...args: unknown[]) =>
      rt.invoke({ service: 'Logger', method: 'log', access: 'free' }, () => {
        write('log', 'Logger', loggerText(args));
        return Logger;
      }),
    getLog: () =>
      rt.invoke({ service: 'Logger', method: 'getLog', access: 'free' }, () =>
        sink.entries
          .filter((e) => e.source === 'Logger')
          .map((e) => e.message)
          .join('\n'),
      ),
    clear: () =>
      rt.invoke({ service: 'Logger', method: 'clear', access: 'free' }, () => {
        sink.entries = sink.entries.filter((e) => e.source !== 'Logger');
      }),
  });
  const level =
    (l: LogLevel) =>
    (...args: unknown[]) =>
      rt.invoke({ service: 'console', method: l, access: 'free' }, () => {
        write(l, 'console', format(...args));
      });
  const console = rt.strict('console', {
    toString: () => 'console',
    log: level('log'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
    debug: level('debug'),
  });
  return { Logger, console };
}
