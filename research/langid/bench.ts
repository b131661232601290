/**
 * Speed. Warm: each detector over every whole text of the five sets (4,986 items), one warm-up
 * pass then 3 timed passes, ms per article (median pass). Cold: a fresh `node` per detector,
 * timing import + initialisation + first detect() (5 runs, median), with RSS after loading.
 * `npx tsx bench.ts` → results/bench.md
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadSets } from './lib/data.js';
import { MAIN_DETECTORS, SIDE_DETECTORS, makeDetector } from './lib/detectors.js';

const names = process.argv.slice(2).length ? process.argv.slice(2) : [...MAIN_DETECTORS, ...SIDE_DETECTORS];
const items = loadSets();
const texts = items.map((i) => i.text);
const long = items.filter((i) => i.set === 'web-multi' || i.set === 'web-wire').map((i) => i.text);
const out: string[] = [];

// Cold load: a fresh process per detector; the snippet imports the same entry the adapter would.
const COLD: Record<string, string> = {
  guess: `const m = await import('./guessLanguage.ts'); m.guessLanguage('Hola, ¿cómo estás? Esto es una prueba.');`,
  'eld-L': `const { eld } = await import('eld/large'); eld.detect('Hola, ¿cómo estás? Esto es una prueba.');`,
  'eld-M': `const { eld } = await import('eld/medium'); eld.detect('Hola, ¿cómo estás? Esto es una prueba.');`,
  'eld-S': `const { eld } = await import('eld/small'); eld.detect('Hola, ¿cómo estás? Esto es una prueba.');`,
  'eld-XS': `const { eld } = await import('eld/extrasmall'); eld.detect('Hola, ¿cómo estás? Esto es una prueba.');`,
  'franc-min': `const { francAll } = await import('franc-min'); francAll('Hola, ¿cómo estás? Esto es una prueba.');`,
  franc: `const { francAll } = await import('franc'); francAll('Hola, ¿cómo estás? Esto es una prueba.');`,
  tinyld: `const { detectAll } = await import('tinyld'); detectAll('Hola, ¿cómo estás? Esto es una prueba.');`,
  'tinyld-heavy': `const { detectAll } = await import('tinyld/heavy'); detectAll('Hola, ¿cómo estás? Esto es una prueba.');`,
  'tinyld-light': `const { detectAll } = await import('tinyld/light'); detectAll('Hola, ¿cómo estás? Esto es una prueba.');`,
  cld3: `const { loadModule } = await import('cld3-asm'); const f = await loadModule(); f.create(0, 2048).findLanguage('Hola, ¿cómo estás? Esto es una prueba.');`,
};

function cold(name: string): { ms: number; cpu: number; rss: number } {
  const runs: Array<{ ms: number; cpu: number; rss: number }> = [];
  for (let i = 0; i < 5; i++) {
    // guess is TypeScript: run through tsx's loader for it only, and subtract nothing (the
    // loader is already registered before the timer starts).
    const script = `const r0 = process.memoryUsage().rss; const c0 = process.cpuUsage(); const t0 = performance.now(); ${COLD[name]} const ms = performance.now() - t0; const c = process.cpuUsage(c0); console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, rss: (process.memoryUsage().rss - r0) / 1048576 }));`;
    const args = name === 'guess' ? ['--import', 'tsx', '--input-type=module', '-e', script] : ['--input-type=module', '-e', script];
    const res = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop() as string);
    runs.push(res);
  }
  runs.sort((a, b) => a.ms - b.ms);
  const cpu = runs.map((r) => r.cpu).sort((a, b) => a - b)[2] as number;
  return { ...(runs[2] as { ms: number; rss: number }), cpu };
}

out.push('| detector | cold import+init+1st detect: CPU ms (wall ms), median of 5 | RSS added by loading, MiB | warm CPU ms/article (wall), all 4,986 whole texts | warm CPU ms/article (wall), 125 web pages (338–2,000 chars) | articles/s, CPU (all) |');
out.push('|---|---:|---:|---:|---:|---:|');
for (const name of names) {
  const c = cold(name);
  const det = await makeDetector(name);
  // CPU time of this process (user + system), not wall time: the machine is shared, and CPU
  // time is what one core spends on it; wall time is printed beside it for the record.
  const time = (xs: string[]) => {
    for (const t of xs) det.detect(t); // warm-up
    const passes: Array<[number, number]> = [];
    for (let p = 0; p < 3; p++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (const t of xs) det.detect(t);
      const c = process.cpuUsage(c0);
      passes.push([(c.user + c.system) / 1000 / xs.length, (performance.now() - t0) / xs.length]);
    }
    return passes.sort((a, b) => a[0] - b[0])[1] as [number, number];
  };
  const all = time(texts);
  const web = time(long);
  const row = `| ${name} | ${c.cpu.toFixed(0)} (${c.ms.toFixed(0)}) | ${c.rss.toFixed(0)} | ${all[0].toFixed(3)} (${all[1].toFixed(3)}) | ${web[0].toFixed(3)} (${web[1].toFixed(3)}) | ${(1000 / all[0]).toFixed(0)} |`;
  console.log(row);
  out.push(row);
}
writeFileSync('results/bench.md', `${out.join('\n')}\n`);
