/**
 * CLI entry: maps a subcommand to its module, imported only when that command runs, so that
 * `copydesk gate` never loads the HTML renderer and `copydesk scan` never loads SQLite.
 * Each module in `commands/` exports `register(program)`, which declares its options and action.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, formatCommanderError, reportError } from './errors.js';
import { commandOf } from './heap.js';

export interface CommandModule {
  register(program: Command): void;
}

/** Each command's module, imported only when needed (explicit paths, so bundlers and vitest resolve them). */
const LOADERS = {
  scan: () => import('./commands/scan.js'),
  compare: () => import('./commands/compare.js'),
  diff: () => import('./commands/diff.js'),
  eval: () => import('./commands/eval.js'),
  generate: () => import('./commands/generate.js'),
  index: () => import('./commands/index.js'),
  gate: () => import('./commands/gate.js'),
} satisfies Record<string, () => Promise<CommandModule>>;
export const COMMANDS = Object.keys(LOADERS) as Array<keyof typeof LOADERS>;

/** The package's version, from the package.json beside src/ and dist/. */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const program = new Command('copydesk')
    .description('Find duplicates, republications and translation variants among news articles.')
    .version(readVersion(), '-V, --version', 'print the version of copydesk')
    .option('--verbose', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      outputError: (s, write) => write(formatCommanderError(s)),
    });
  const first = commandOf(argv);
  const names = COMMANDS.filter((c) => c === first);
  try {
    for (const name of names.length > 0 ? names : COMMANDS) (await LOADERS[name]()).register(program);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message (or the help text); map its outcome to our codes.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = reportError(error, verbose, (s) => process.stderr.write(s));
  }
}
