/**
 * An in-memory `IndexStore`, for tests and one-off runs. It follows the SQLite store's semantics
 * (a batch applies all or nothing, and not at all when it finds another state than it expects) so
 * the same tests pass on every store.
 */
import {
  type BandHit,
  type BandQuery,
  type BatchOutcome,
  batchIds,
  type CandidateSignatures,
  type Channel,
  countBatchTerms,
  countSampleMates,
  type DocumentEntry,
  type EventEntry,
  type EventQuery,
  type IndexBatch,
  type IndexStats,
  type IndexStore,
  listBatchConflicts,
  type RankedCandidates,
  rankFoundSketches,
  type SketchConfig,
  type StoredDocument,
  type StoredEvent,
  type StoredSketch,
  sampleMates,
} from '../types/index.js';

interface Row {
  doc: StoredDocument;
  sketch: StoredSketch;
  charKeys: Uint32Array;
  termKeys: Uint32Array;
  sampleKeys: Uint32Array;
}

/** The bucket codes of a row: its bands in both channels and its sampled shingles. */
function codesOf(row: Row): string[] {
  const out: string[] = [];
  for (const [channel, keys] of [
    ['chars', row.charKeys],
    ['terms', row.termKeys],
  ] as const)
    keys.forEach((k, b) => {
      out.push(bandCode(channel, b, k));
    });
  for (const k of row.sampleKeys) out.push(sampleCode(k));
  return out;
}

function sampleCode(key: number): string {
  return `samples:${key}`;
}

function bandCode(channel: Channel, band: number, key: number): string {
  return `${channel}:${band}:${key}`;
}

export class MemoryStore implements IndexStore {
  private rows = new Map<string, Row>();
  private buckets = new Map<string, Set<string>>();
  private df = new Map<string, number>();
  /** Event sketches by document id, and the key index: name key → ids of the documents under it. */
  private events = new Map<string, EventEntry>();
  private eventKeys = new Map<string, Set<string>>();
  private nameDf = new Map<string, number>();

  constructor(public config: SketchConfig) {}

  private unlinkKeys(row: Row): void {
    for (const code of codesOf(row)) {
      const set = this.buckets.get(code);
      set?.delete(row.doc.id);
      if (set?.size === 0) this.buckets.delete(code);
    }
  }

  private linkKeys(row: Row): void {
    for (const code of codesOf(row)) {
      const set = this.buckets.get(code);
      if (set) set.add(row.doc.id);
      else this.buckets.set(code, new Set([row.doc.id]));
    }
  }

  private addCounts(counts: ReadonlyMap<string, number>, sign: 1 | -1): void {
    for (const [t, c] of counts) {
      const n = (this.df.get(t) ?? 0) + sign * c;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  private linkEvent(id: string, entry: EventEntry | undefined): void {
    this.unlinkEvent(id);
    if (!entry) return;
    this.events.set(id, entry);
    for (const k of entry.mainKeys) this.nameDf.set(k, (this.nameDf.get(k) ?? 0) + 1);
    for (const k of entry.keys) {
      const set = this.eventKeys.get(k);
      if (set) set.add(id);
      else this.eventKeys.set(k, new Set([id]));
    }
  }

  private unlinkEvent(id: string): void {
    const old = this.events.get(id);
    if (!old) return;
    for (const k of old.mainKeys) {
      const n = (this.nameDf.get(k) ?? 0) - 1;
      if (n > 0) this.nameDf.set(k, n);
      else this.nameDf.delete(k);
    }
    for (const k of old.keys) {
      const set = this.eventKeys.get(k);
      set?.delete(id);
      if (set?.size === 0) this.eventKeys.delete(k);
    }
    this.events.delete(id);
  }

  /** Keys are never deferred in memory: nothing is pending. */
  async mergePendingKeys(): Promise<void> {}

  async applyBatch(batch: IndexBatch): Promise<BatchOutcome> {
    // Validate first so a bad batch changes nothing.
    for (const e of batch.add ?? [])
      if (typeof e.id !== 'string' || e.id === '') throw new RangeError('document id must be a non-empty string');
    const conflicts = listBatchConflicts(batch, this.hashesOf(batchIds(batch)));
    if (conflicts.length > 0) return { conflicts };
    for (const r of batch.remove ?? []) {
      const row = this.rows.get(r.id);
      if (!row) continue;
      this.unlinkKeys(row);
      this.addCounts(new Map(r.terms.map((t) => [t, 1])), -1);
      this.unlinkEvent(r.id);
      this.rows.delete(r.id);
    }
    for (const e of batch.add ?? []) {
      const row: Row = {
        doc: pickDocument(e),
        sketch: pickSketch(e),
        charKeys: e.charKeys,
        termKeys: e.termKeys,
        sampleKeys: e.sampleKeys ?? new Uint32Array(0),
      };
      this.rows.set(e.id, row);
      this.linkKeys(row);
      this.linkEvent(e.id, e.event);
    }
    this.addCounts(countBatchTerms(batch.add ?? [], batch.termCounts), 1);
    return { conflicts: [] };
  }

  private hashesOf(ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const r = this.rows.get(id);
      if (r) out.set(id, r.doc.hash);
    }
    return out;
  }

  async findByBands(channel: Channel, keys: Uint32Array): Promise<BandHit[]> {
    const counts = new Map<string, number>();
    keys.forEach((k, b) => {
      for (const id of this.buckets.get(bandCode(channel, b, k)) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    return [...counts]
      .map(([id, bands]) => ({ id, bands }))
      .sort((x, y) => y.bands - x.bands || x.id.localeCompare(y.id));
  }

  async findRankedSketches(query: BandQuery, rank: (s: CandidateSignatures) => number): Promise<RankedCandidates> {
    return rankFoundSketches(await this.findSketchesByBands(query), rank);
  }

  async findSketchesByBands(query: BandQuery): Promise<StoredSketch[]> {
    const ids = new Set<string>();
    for (const channel of ['chars', 'terms'] as const) {
      const keys = query[channel];
      if (keys) for (const h of await this.findByBands(channel, keys)) ids.add(h.id);
    }
    if (query.samples) {
      const postings = Array.from(query.samples.keys, (k) => [...(this.buckets.get(sampleCode(k)) ?? [])]);
      const counts = countSampleMates(postings, query.samples);
      const sizes = new Map([...counts.shared.keys()].map((id) => [id, this.rows.get(id)?.sketch.charSize ?? 0]));
      for (const id of sampleMates(counts, sizes, query.samples)) ids.add(id);
    }
    return this.getSketches([...ids]);
  }

  async findEventCandidates(query: EventQuery): Promise<StoredEvent[]> {
    const shared = new Map<string, number>();
    for (const k of new Set(query.keys))
      for (const id of this.eventKeys.get(k) ?? []) {
        const day = this.events.get(id)?.sketch.day;
        if (query.days && day !== undefined && (day < query.days.from || day > query.days.to)) continue;
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    return [...shared]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, query.limit)
      .map(([id, n]) => ({ id, sketch: (this.events.get(id) as EventEntry).sketch, shared: n }));
  }

  async getNameFrequencies(keys: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const k of keys) df.set(k, this.nameDf.get(k) ?? 0);
    return { documents: this.rows.size, df };
  }

  async findByHash(hash: string): Promise<string[]> {
    return [...this.rows.values()].filter((r) => r.doc.hash === hash).map((r) => r.doc.id);
  }

  async getHashes(ids: readonly string[]): Promise<Map<string, string>> {
    return this.hashesOf(ids);
  }

  async getDocuments(ids: readonly string[]): Promise<StoredDocument[]> {
    return ids.flatMap((id) => {
      const r = this.rows.get(id);
      return r ? [r.doc] : [];
    });
  }

  async getSketches(ids: readonly string[]): Promise<StoredSketch[]> {
    return ids.flatMap((id) => {
      const r = this.rows.get(id);
      return r ? [r.sketch] : [];
    });
  }

  async getDocumentFrequencies(terms: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const t of terms) df.set(t, this.df.get(t) ?? 0);
    return { documents: this.rows.size, df };
  }

  async *iterateDocuments(size: number): AsyncIterable<StoredDocument[]> {
    const all = [...this.rows.values()].map((r) => r.doc);
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
  }

  async resetDerived(config: SketchConfig): Promise<void> {
    this.config = config;
    this.buckets.clear();
    this.df.clear();
    this.events.clear();
    this.eventKeys.clear();
    this.nameDf.clear();
    for (const r of this.rows.values()) {
      r.charKeys = new Uint32Array(0);
      r.termKeys = new Uint32Array(0);
      r.sampleKeys = new Uint32Array(0);
    }
  }

  async applyDerived(
    entries: readonly DocumentEntry[],
    options: { termCounts?: ReadonlyMap<string, number> } = {},
  ): Promise<void> {
    for (const e of entries) {
      const r = this.rows.get(e.id);
      if (!r) continue;
      this.unlinkKeys(r);
      // The plan of the extraction that sketched it now (none: the gate extracts the body).
      r.doc = pickDocument({ ...r.doc, plan: e.plan });
      r.sketch = pickSketch(e);
      r.charKeys = e.charKeys;
      r.termKeys = e.termKeys;
      r.sampleKeys = e.sampleKeys ?? new Uint32Array(0);
      this.linkKeys(r);
      this.linkEvent(e.id, e.event);
    }
    const known = entries.filter((e) => this.rows.has(e.id));
    this.addCounts(countBatchTerms(known, options.termCounts), 1);
  }

  /** Nothing is interrupted in memory: a rebuild that throws leaves no store behind. */
  async setState(_state: 'ready' | 'rebuilding'): Promise<void> {}

  async stats(): Promise<IndexStats> {
    let bucketEntries = 0;
    for (const s of this.buckets.values()) bucketEntries += s.size;
    let textChars = 0;
    for (const r of this.rows.values()) textChars += r.doc.text.length;
    return { documents: this.rows.size, terms: this.df.size, bucketEntries, textChars, config: this.config };
  }

  async close(): Promise<void> {}
}

export function pickDocument(e: StoredDocument): StoredDocument {
  const doc: StoredDocument = { id: e.id, text: e.text, meta: e.meta, hash: e.hash, chars: e.chars, words: e.words };
  if (e.plan !== undefined) doc.plan = e.plan;
  return doc;
}

export function pickSketch(e: StoredSketch): StoredSketch {
  return { id: e.id, charSize: e.charSize, charSig: e.charSig, termSize: e.termSize, termSig: e.termSig };
}
