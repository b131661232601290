// Loaded with `node --import` into each command the hostile suite runs: at exit, it writes the
// process's peak resident memory and CPU time to the file named by HOSTILE_MEASURE, for the suite
// to check against its bounds. Not part of copydesk.
//
// `copydesk scan` runs in a child process of the launcher (src/cli/heap.ts), which inherits this
// preload and exits first: the launcher then keeps the larger peak of the two and adds its CPU
// time, so the file holds the command's own peak, not the launcher's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const target = process.env.HOSTILE_MEASURE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const own = { maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 };
    const before = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : undefined;
    const out = before
      ? {
          maxRssKiB: Math.max(before.maxRssKiB, own.maxRssKiB),
          userMs: before.userMs + own.userMs,
          systemMs: before.systemMs + own.systemMs,
        }
      : own;
    writeFileSync(target, JSON.stringify(out));
  });
}
