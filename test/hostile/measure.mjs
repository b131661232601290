// Loaded with `node --import` into each command the hostile suite runs: at exit, it writes the
// process's peak resident memory and CPU time to the file named by HOSTILE_MEASURE, for the suite
// to check against its bounds. Not part of copydesk.
import { writeFileSync } from 'node:fs';

const target = process.env.HOSTILE_MEASURE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }),
    );
  });
}
