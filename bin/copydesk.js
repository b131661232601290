#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script).
// A whole-corpus command (scan, eval) is run in a child Node process with a larger heap when the
// default would be the limit (see src/cli/heap.ts); everything else runs here.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

const entry = new URL('../dist/cli/main.js', import.meta.url);
const argv = process.argv.slice(2);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('copydesk: dist/ is missing; run `npm install` (or `npm run build`) first\n');
  process.exitCode = 2;
} else {
  const { HEAP_MARKER, abortedMessage, childFlags, commandOf, heapToRequest } = await import(
    new URL('../dist/cli/heap.js', import.meta.url).href
  );
  const constrained = process.constrainedMemory?.();
  let heapMiB;
  try {
    heapMiB = heapToRequest({
      argv,
      execArgv: process.execArgv,
      env: process.env,
      memoryBytes: constrained ? Math.min(constrained, totalmem()) : totalmem(),
      heapLimitBytes: getHeapStatistics().heap_size_limit,
    });
  } catch (error) {
    process.stderr.write(`copydesk: ${error.message}\n`);
    process.exit(2);
  }
  if (heapMiB === undefined) {
    const { main } = await import(entry.href);
    await main(argv);
  } else {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        ...childFlags(heapMiB, { execArgv: process.execArgv, env: process.env }),
        fileURLToPath(import.meta.url),
        ...argv,
      ],
      { stdio: 'inherit', env: { ...process.env, [HEAP_MARKER]: String(heapMiB) } },
    );
    // The child answers the signals (Ctrl-C reaches both; a signal sent to this process alone is passed on).
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const pass = (signal) => child.kill(signal);
    for (const s of signals) process.on(s, pass);
    const command = commandOf(argv) ?? 'copydesk';
    child.on('error', (error) => {
      process.stderr.write(`copydesk: could not start node for ${command} (${error.message})\n`);
      process.exitCode = 2;
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      if (signal === 'SIGABRT') {
        process.stderr.write(`copydesk: ${abortedMessage(command, heapMiB)}\n`);
        process.exitCode = 2;
      } else if (signal) process.kill(process.pid, signal);
      else process.exitCode = code ?? 2;
    });
  }
}
