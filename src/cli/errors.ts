/**
 * Exit codes and the one place that turns an error into a line on stderr.
 *
 * 0 done (or: every gated article is novel), 1 redundant (gate only), 2 bad input or usage,
 * 3 internal error (a bug: please report it with `--verbose` output).
 */
import { escapeTerminal, escapeTerminalLines } from '../report/escape.js';
import { InputError } from '../types/index.js';

export const EXIT = { ok: 0, redundant: 1, usage: 2, internal: 3 } as const;

/** A mistake in how the command was called (unknown option value, missing argument). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The prefix of every message copydesk prints about an error. */
export const PREFIX = 'copydesk: ';

/**
 * A message as one line: line breaks and every control or escape character from the input (a file
 * name, an id) shown as visible marks, never sent to the terminal.
 */
export function oneLine(message: string): string {
  return escapeTerminal(message.replace(/\r?\n/g, ' ').trim());
}

/** Commander's own messages ("error: unknown option '--bogus'") in copydesk's one-line form. */
export function formatCommanderError(s: string): string {
  return `${PREFIX}${oneLine(s.replace(/^error: /, ''))}\n`;
}

/** Print an error as one line (its stack only with --verbose) and return the exit code. */
export function reportError(error: unknown, verbose: boolean, write: (s: string) => void): number {
  if (error instanceof InputError || error instanceof UsageError) {
    write(`${PREFIX}${oneLine(error.message)}\n`);
    if (verbose && error.stack) write(`${escapeTerminalLines(error.stack)}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`${PREFIX}internal error: ${oneLine(message)}\n`);
  if (verbose && error instanceof Error && error.stack) write(`${escapeTerminalLines(error.stack)}\n`);
  else write(`${PREFIX}this is a bug: run again with --verbose and report the stack trace\n`);
  return EXIT.internal;
}

/** Parse a number option within bounds, or throw a UsageError naming the option. */
export function parseNumberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a number in [${min}, ${max}], got "${value}"`);
  }
  return n;
}

/** Parse a choice option, or throw a UsageError listing the choices. */
export function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${choices.join(', ')}, got "${value}"`);
  }
  return value as T;
}
