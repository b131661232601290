import { readFileSync, readdirSync } from 'node:fs';
import { normalizeArticle } from '../src/core/normalize.js';
import { fingerprintArticle } from '../src/core/fingerprint.js';
import { countDocumentFrequencies, vectorizeTfIdf } from '../src/core/tfidf.js';
import { scorePair } from '../src/core/score.js';

const docs: any[] = [];
for (const f of readdirSync('corpus').filter((f) => f.endsWith('.txt'))) docs.push({ id: 'seed' + f.slice(0, 3), text: readFileSync('corpus/' + f, 'utf8'), group: 'seed' + f.slice(0,3) });
const rows = readFileSync('../shared/eval/wmt22-zhen.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const r of rows) if (r.domain === 'news' && r.lang === 'en') docs.push({ id: r.id, text: r.text, group: r.cluster, src: r.source });
const fps = docs.map((d) => fingerprintArticle(normalizeArticle({ id: d.id, text: d.text })));
const freqs = countDocumentFrequencies(fps.map((f) => f.terms));
const ids = new Map<string, number>();
const vecs = fps.map((f) => vectorizeTfIdf(f.terms, freqs, ids));
const pos: any[] = [], neg: any[] = [];
for (let i = 0; i < fps.length; i++) for (let j = i + 1; j < fps.length; j++) {
  const s = scorePair(fps[i]!, fps[j]!, vecs[i]!, vecs[j]!);
  (docs[i].group === docs[j].group ? pos : neg).push({ a: docs[i].id, b: docs[j].id, ...s, hh: docs[i].src?.startsWith('human') && docs[j].src?.startsWith('human') });
}
const q = (arr: number[], p: number) => { const s = [...arr].sort((x, y) => x - y); return s[Math.floor(p * (s.length - 1))]; };
for (const key of ['jaccard', 'containmentAB', 'charContainmentAB', 'cosine', 'alignedAB', 'lengthRatio']) {
  const P = pos.map((p) => p[key]); const N = neg.map((p) => p[key]);
  const H = pos.filter(p=>p.hh).map((p) => p[key]);
  console.log(key.padEnd(18), 'pos min/p01/p05/p50', q(P, 0), q(P, 0.01), q(P, 0.05), q(P, 0.5), '| hh min/p50', q(H,0), q(H,0.5), '| neg p50/p99/p999/max', q(N, 0.5), q(N, 0.99), q(N, 0.999), q(N, 1));
}
const seedPairs = neg.filter((p) => p.a.startsWith('seed') && p.b.startsWith('seed'));
for (const p of seedPairs) console.log(p.a, p.b, p.jaccard, p.containmentAB, p.containmentBA, p.charContainmentAB, p.charContainmentBA, p.cosine, p.alignedAB, p.alignedBA);
const worst = [...neg].sort((x, y) => y.cosine - x.cosine).slice(0, 5);
console.log('top neg cos', worst.map((w) => [w.a, w.b, w.cosine, w.alignedAB, w.alignedBA]));
const worstPos = [...pos].sort((x, y) => x.cosine - y.cosine).slice(0, 5);
console.log('low pos cos', worstPos.map((w) => [w.a, w.b, w.cosine, w.alignedAB, w.alignedBA, w.lengthRatio]));
const worstPosA = [...pos].sort((x, y) => Math.min(x.alignedAB,x.alignedBA) - Math.min(y.alignedAB,y.alignedBA)).slice(0, 5);
console.log('low pos align', worstPosA.map((w) => [w.a, w.b, w.cosine, w.alignedAB, w.alignedBA, w.lengthRatio]));
console.log(pos.length, neg.length);
const minA = (p: any) => Math.min(p.alignedAB, p.alignedBA);
console.log('neg minAligned p99/p999/max', q(neg.map(minA), 0.99), q(neg.map(minA), 0.999), q(neg.map(minA), 1));
console.log('pos minAligned min/p01', q(pos.map(minA), 0), q(pos.map(minA), 0.01));
for (const [tc, ta] of [[0.4, 0.5], [0.45, 0.5], [0.4, 0.6], [0.35, 0.6], [0.3, 0.6], [0.3,0.5]]) {
  const tp = pos.filter((p) => p.cosine >= tc && minA(p) >= ta).length;
  const fp = neg.filter((p) => p.cosine >= tc && minA(p) >= ta);
  console.log(tc, ta, 'recall', tp / pos.length, 'fp', fp.length, fp.slice(0, 3).map((p) => [p.a, p.b, p.cosine, minA(p)]));
}
