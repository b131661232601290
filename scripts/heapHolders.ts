/**
 * What holds a heap snapshot's bytes: each object's size added to the path that reaches it first
 * from the roots (breadth first, weak edges left out), cut to its first `depth` steps, element
 * indexes folded. The figures of README "Memory" that name a holder (the summaries' titles keeping
 * whole texts, the bigram memo, the look-up key sets, the centroids) were read this way from
 * snapshots a temporary hook wrote (`v8.writeHeapSnapshot()` after `global.gc()`) at the point named.
 *
 *   npx tsx scripts/heapHolders.ts <file.heapsnapshot> [depth, default 6] [rows, default 30]
 *
 * Prints the total, then MB and object count per holder path, largest first. A snapshot of a
 * 5,000-article scan is about 220 MB; reading it takes about 2 GB and 30 s (give node
 * `--max-old-space-size=8000` through NODE_OPTIONS for larger ones).
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[]];
      edge_fields: string[];
      edge_types: [string[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const [file, depthArg, rowsArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx scripts/heapHolders.ts <file.heapsnapshot> [depth] [rows]\n');
  process.exit(2);
}
const depth = Number(depthArg ?? 6);
const rows = Number(rowsArg ?? 30);
const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const { meta } = s.snapshot;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
  meta.node_fields.indexOf(f),
) as [number, number, number, number];
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [
  number,
  number,
  number,
];
const { nodes, edges, strings } = s;
const count = nodes.length / NF;
const firstEdge = new Int32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += (nodes[i * NF + iEdges] as number) * EF;
  firstEdge[i + 1] = e;
}
// Breadth first from the root: each node's parent and the edge it was reached by.
const parent = new Int32Array(count).fill(-1);
const via = new Int32Array(count).fill(-1);
const queue = new Int32Array(count);
let head = 0;
let tail = 0;
queue[tail++] = 0;
parent[0] = 0;
while (head < tail) {
  const i = queue[head++] as number;
  for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e += EF) {
    const kind = edgeTypes[edges[e + eType] as number];
    if (kind === 'weak' || kind === 'shortcut') continue;
    const to = (edges[e + eTo] as number) / NF;
    if (parent[to] !== -1) continue;
    parent[to] = i;
    via[to] = e;
    queue[tail++] = to;
  }
}
const nodeName = (i: number): string =>
  `${nodeTypes[nodes[i * NF + iType] as number]}:${(strings[nodes[i * NF + iName] as number] as string).slice(0, 50)}`;
const edgeName = (e: number): string => {
  const kind = edgeTypes[edges[e + eType] as number];
  return kind === 'element' || kind === 'hidden' ? '#' : (strings[edges[e + eName] as number] as string);
};
const holders = new Map<string, { bytes: number; objects: number }>();
let total = 0;
for (let i = 1; i < count; i++) {
  if (parent[i] === -1) continue;
  const chain: number[] = [];
  for (let c = i; c !== 0; c = parent[c] as number) chain.push(c);
  const key =
    chain.length < depth
      ? '(nearer the roots)'
      : chain
          .slice(chain.length - depth)
          .reverse()
          .map((c) => `${edgeName(via[c] as number).replace(/^\d+$/, '#')}>${nodeName(c).replace(/:\d+$/, '')}`)
          .join(' / ');
  const size = nodes[i * NF + iSize] as number;
  total += size;
  const h = holders.get(key) ?? { bytes: 0, objects: 0 };
  h.bytes += size;
  h.objects++;
  holders.set(key, h);
}
process.stdout.write(`total ${(total / 1e6).toFixed(1)} MB\n`);
for (const [key, h] of [...holders].sort((x, y) => y[1].bytes - x[1].bytes).slice(0, rows))
  process.stdout.write(`${(h.bytes / 1e6).toFixed(1).padStart(8)} MB ${String(h.objects).padStart(9)}  ${key}\n`);
