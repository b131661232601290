/**
 * `copydesk generate --from <inputs...> --seed N --out FILE.jsonl`: labelled variants of real
 * articles (see src/eval/generate.ts), written as JSON Lines that `copydesk eval --gold` reads:
 * the sources (relation `original`) and their variants, each with `id, text, cluster, relation,
 * source, kind` (and `lang` when the source has one).
 */
import type { Command } from 'commander';
import { readCorpus } from '../../io/readCorpus.js';
import { writeFileAtomic } from '../../io/writeFile.js';
import { escapeTerminal } from '../../report/escape.js';
import { parseNumberOption, UsageError } from '../errors.js';
import { READ_OPTIONS } from '../options.js';

/** `--kinds a,b`: the kinds listed, each one known; undefined when the option is absent. */
function parseKinds<K extends string>(value: unknown, known: readonly K[]): K[] | undefined {
  if (typeof value !== 'string') return undefined;
  const list = value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  for (const k of list) {
    if (!(known as readonly string[]).includes(k))
      throw new UsageError(`--kinds must list kinds among ${known.join(', ')}, got "${k}"`);
  }
  if (list.length === 0) throw new UsageError('--kinds must name at least one kind');
  return list as K[];
}

export function register(program: Command): void {
  program
    .command('generate')
    .description(
      'write labelled duplicates and republications of real articles as JSON Lines (for eval and benchmarks)',
    )
    .requiredOption('--from <inputs...>', 'source articles: folders, .txt/.md files or .jsonl files')
    .requiredOption('--out <file>', 'JSON Lines file to write')
    .option('--seed <n>', 'random seed (same seed, same output)', '1')
    .option('--per-source <k>', 'variants per source article', '1')
    .option('--kinds <list>', 'comma-separated kinds (default: all)')
    .action(async (opts: Record<string, unknown>) => {
      const { generateVariants, VARIANT_KINDS, clusterOf } = await import('../../eval/generate.js');
      const seed = parseNumberOption('--seed', String(opts.seed), 0, 2 ** 32 - 1);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${String(opts.seed)}"`);
      const perSource = parseNumberOption('--per-source', String(opts.perSource), 1, 100);
      if (!Number.isInteger(perSource))
        throw new UsageError(`--per-source must be a whole number, got "${String(opts.perSource)}"`);
      const kinds = parseKinds(opts.kinds, VARIANT_KINDS);
      const sources = await readCorpus(opts.from as string[], READ_OPTIONS);
      const variants = generateVariants(sources, { seed, perSource, ...(kinds ? { kinds } : {}) });
      const langOf = new Map(sources.map((s) => [s.id, s.lang]));
      const lines: string[] = [];
      for (const s of sources) {
        lines.push(
          JSON.stringify({
            id: s.id,
            text: s.text,
            cluster: clusterOf(s),
            relation: 'original',
            source: s.id,
            kind: 'original',
            ...(s.lang ? { lang: s.lang } : {}),
          }),
        );
      }
      for (const v of variants) {
        const lang = langOf.get(v.sourceId);
        lines.push(
          JSON.stringify({
            id: v.id,
            text: v.text,
            cluster: v.cluster,
            relation: v.relation,
            source: v.sourceId,
            kind: v.kind,
            ...(v.sourceIds ? { sources: v.sourceIds } : {}),
            ...(lang ? { lang } : {}),
          }),
        );
      }
      const out = String(opts.out);
      await writeFileAtomic(out, `${lines.join('\n')}\n`);
      process.stderr.write(
        `wrote ${escapeTerminal(out)}: ${sources.length} sources and ${variants.length} variants (seed ${seed})\n`,
      );
    });
}
