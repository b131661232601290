/** `index stats` as text: documents, terms, LSH parameters and size. */
import type { IndexStats } from '../types/index.js';
import { escapeTerminal } from './escape.js';

function formatBytes(n: number): string {
  return n >= 2 ** 30
    ? `${(n / 2 ** 30).toFixed(2)} GiB`
    : n >= 2 ** 20
      ? `${(n / 2 ** 20).toFixed(1)} MiB`
      : `${(n / 1024).toFixed(1)} KiB`;
}

/** How many documents the gate can rule out on their screen digests. */
function describeScreens(screened: number, documents: number): string {
  const line = `${screened} of ${documents} documents with a screen digest (the gate rules chance candidates out on it)`;
  return screened < documents
    ? `${line}; the others' signatures are read whole (\`index rebuild\` gives every document one; an index made before them gets them on its next \`index add\` or \`index remove\` too)`
    : line;
}

export function renderIndexStats(s: IndexStats): string {
  const c = s.config;
  return [
    `index      ${escapeTerminal(s.path ?? '')}`,
    `documents  ${s.documents}`,
    `text       ${s.textChars.toLocaleString('en-US')} characters`,
    `terms      ${s.terms} (document frequencies for TF-IDF)`,
    `buckets    ${s.bucketEntries} entries (LSH band keys and sampled shingles)`,
    ...(s.screened === undefined ? [] : [`screens    ${describeScreens(s.screened, s.documents)}`]),
    `chars      MinHash ${c.chars.numPerm} (${c.charShingle}-char shingles), LSH ${c.chars.bands} bands × ${c.chars.rows} rows for Jaccard ${c.chars.threshold}`,
    `terms      MinHash ${c.terms.numPerm} (stemmed content words), LSH ${c.terms.bands} bands × ${c.terms.rows} rows for Jaccard ${c.terms.threshold}`,
    `samples    ${c.containment ? `1 in ${c.containment.oneIn} character shingles (the gate finds a text held by a longer one: an excerpt, a preview)` : 'none (`index rebuild` adds them: the gate finds a text held by a longer one)'}`,
    `events     ${c.events === true ? 'event sketches kept (the gate answers "novel text about a known event")' : 'none (`index rebuild --events` adds them)'}`,
    `seed       ${c.seed}`,
    `size       ${formatBytes(s.bytes ?? 0)}`,
    '',
  ].join('\n');
}
