/**
 * Gold labels read from a labelled corpus (validated at the boundary: a missing label is an
 * `InputError` naming the file and line), and a scan's stories and pairs as the labels and
 * verdicts they are scored against.
 */
import { type Article, InputError, type ScanResult } from '../types/index.js';

/**
 * Each article's gold label in `field` (`cluster` for stories, `event` for events), or an
 * InputError naming the file and line of the first without one.
 */
export function readGoldClusters(articles: readonly Article[], field = 'cluster'): string[] {
  return articles.map((a) => {
    const c = a.meta?.[field];
    if (typeof c === 'string' && c !== '') return c;
    if (typeof c === 'number' && Number.isFinite(c)) return String(c);
    const where = a.origin ?? `article ${a.id}`;
    throw new InputError(
      c === undefined
        ? `missing gold field "${field}" (article ${a.id})`
        : `field "${field}" must be a string or number, got ${typeof c} (article ${a.id})`,
      where,
    );
  });
}

/** Events as one label per article (index order), from a scan result. */
export function labelEvents(articles: readonly Article[], scan: Pick<ScanResult, 'events' | 'stories'>): string[] {
  const eventOf = new Map<string, string>();
  for (const e of scan.events ?? []) for (const m of e.members) eventOf.set(m.id, e.id);
  return articles.map((a) => eventOf.get(a.id) ?? `single:${a.id}`);
}

/** Stories as one label per article (index order), from a scan result. */
export function labelStories(articles: readonly Article[], scan: Pick<ScanResult, 'stories'>): string[] {
  const storyOf = new Map<string, string>();
  for (const s of scan.stories) for (const m of s.members) storyOf.set(m, s.id);
  return articles.map((a) => storyOf.get(a.id) ?? `single:${a.id}`);
}

function relationOf(a: Article, field: string): string | undefined {
  const v = a.meta?.[field] ?? (a as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The gold relation pairs and the scan's verdict on each. A copy (`copyOf`: its matching form is
 * an earlier document's) is judged as that document: its verdict with another is the first copy's,
 * and with its own first copy the duplicate pair listed for it.
 */
export function collectRelationPairs(
  articles: readonly Article[],
  scan: ScanResult,
  field: string,
): Array<{ gold: string; predicted: string }> | undefined {
  const ids = new Set(articles.map((a) => a.id));
  const verdicts = new Map<string, Map<string, string>>();
  const put = (x: string, y: string, r: string): void => {
    let row = verdicts.get(x);
    if (!row) {
      row = new Map();
      verdicts.set(x, row);
    }
    row.set(y, r);
  };
  for (const p of scan.pairs) {
    put(p.a, p.b, p.relation);
    put(p.b, p.a, p.relation);
  }
  const firstOf = new Map(scan.documents.flatMap((d) => (d.copyOf ? [[d.id, d.copyOf] as const] : [])));
  const verdictOf = (x: string, y: string): string => {
    const fx = firstOf.get(x) ?? x;
    const fy = firstOf.get(y) ?? y;
    if (fx !== fy) return verdicts.get(fx)?.get(fy) ?? 'unrelated';
    return verdicts.get(fx)?.get(x === fx ? y : x) ?? 'unrelated';
  };
  const out: Array<{ gold: string; predicted: string }> = [];
  let labelled = 0;
  for (const a of articles) {
    const gold = relationOf(a, field);
    if (gold === undefined) continue;
    labelled++;
    const source = a.source ?? (typeof a.meta?.source === 'string' ? a.meta.source : undefined);
    if (gold === 'original' || source === undefined || source === a.id || !ids.has(source)) continue;
    out.push({ gold, predicted: verdictOf(a.id, source) });
  }
  return labelled === 0 ? undefined : out;
}
