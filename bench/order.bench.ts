/**
 * The score stage's judging order for its shingle cache: how many character-shingle sets a cache
 * of the stage's starting budget makes walking the pairs in one block (Cuthill–McKee order, the
 * order before `planJudging`: the in-process baseline) and in the order `planJudging` chooses
 * (that one, or blocks of the articles the budget holds), on the score stage's input of the first
 * N articles of the index benchmark's corpus (as `npm run bench -- score` gets it), at the default
 * budget and at others; and how long planning takes. Makes are counted by walking each order with
 * `NextUseCache` (articles of one unit, as many as `shingleCapacity` says the budget holds).
 */
import { judgingOrder, planJudging, plannedMakes } from '../dist/core/candidates/order.js';
import { pairCount } from '../dist/core/candidates/pairList.js';
import { SHINGLE_CACHE_BYTES, shingleCapacity } from '../dist/pipeline/scoring.js';
import type { BenchContext } from './run.js';
import { scoreStageInput } from './score.bench.js';

export default async function orderBench(ctx: BenchContext): Promise<string> {
  const n = ctx.quick ? 2_000 : 10_000;
  const { input, pairs } = await scoreStageInput(n, ctx);
  const count = input.fps.length;
  const rows: string[] = [];
  for (const mib of [16, 64, 256]) {
    const bytes = mib * 2 ** 20;
    const capacity = shingleCapacity(input.fps, bytes);
    const whole = plannedMakes(pairs, judgingOrder(count, pairs), capacity);
    const t0 = performance.now();
    const planned = planJudging(count, pairs, capacity);
    const ms = performance.now() - t0;
    const chosen = planned.block >= count ? 'one block' : `blocks of ${planned.block.toLocaleString('en-US')}`;
    ctx.log(
      `  ${mib} MiB (${capacity} articles): one block ${whole} makes, planned ${planned.makes} (${chosen}), ${ms.toFixed(0)} ms`,
    );
    rows.push(
      `| ${mib} MiB${bytes === SHINGLE_CACHE_BYTES ? ' (the default)' : ''} | ${capacity.toLocaleString('en-US')} | ${(whole / count).toFixed(2)} | ${(planned.makes / count).toFixed(2)} (${chosen}) | ×${(whole / planned.makes).toFixed(2)} | ${ms.toFixed(0)} |`,
    );
  }
  return `The score stage's input of the first ${n.toLocaleString('en-US')} articles of the index benchmark's corpus: ${count.toLocaleString('en-US')} fingerprints, ${pairCount(pairs).toLocaleString('en-US')} candidate pairs. Shingle sets made per article by a cache of the budget's articles (\`shingleCapacity\`), in one block (the order before, the baseline) and in the order \`planJudging\` chooses; the planning time counts both walks.

| budget | articles it holds | makes an article, one block | planned | fewer makes | planning, ms |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}`;
}
