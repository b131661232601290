/**
 * An in-memory `IndexStore`, for tests and one-off runs. It follows the SQLite store's semantics
 * (an added id replaces the stored one; a batch applies all or nothing) so the same tests pass on both.
 */
import type {
  BandHit,
  Channel,
  DocumentEntry,
  IndexBatch,
  IndexStats,
  IndexStore,
  SketchConfig,
  StoredDocument,
  StoredSketch,
} from '../types/index.js';

interface Row {
  doc: StoredDocument;
  sketch: StoredSketch;
  charKeys: Uint32Array;
  termKeys: Uint32Array;
  terms: string[];
}

function bandCode(channel: Channel, band: number, key: number): string {
  return `${channel}:${band}:${key}`;
}

export class MemoryStore implements IndexStore {
  private rows = new Map<string, Row>();
  private buckets = new Map<string, Set<string>>();
  private df = new Map<string, number>();

  constructor(public config: SketchConfig) {}

  private unlink(row: Row): void {
    for (const [channel, keys] of [
      ['chars', row.charKeys],
      ['terms', row.termKeys],
    ] as const) {
      keys.forEach((k, b) => {
        this.buckets.get(bandCode(channel, b, k))?.delete(row.doc.id);
      });
    }
    for (const t of row.terms) {
      const n = (this.df.get(t) ?? 0) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  private link(row: Row): void {
    for (const [channel, keys] of [
      ['chars', row.charKeys],
      ['terms', row.termKeys],
    ] as const) {
      keys.forEach((k, b) => {
        const code = bandCode(channel, b, k);
        const set = this.buckets.get(code);
        if (set) set.add(row.doc.id);
        else this.buckets.set(code, new Set([row.doc.id]));
      });
    }
    for (const t of row.terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Keys are never deferred in memory: nothing is pending. */
  mergePendingKeys(): void {}

  applyBatch(batch: IndexBatch): void {
    // Validate first so a bad batch changes nothing.
    for (const e of batch.add ?? [])
      if (typeof e.id !== 'string' || e.id === '') throw new RangeError('document id must be a non-empty string');
    for (const r of batch.remove ?? []) {
      const row = this.rows.get(r.id);
      if (row) {
        this.unlink(row);
        this.rows.delete(r.id);
      }
    }
    for (const e of batch.add ?? []) {
      const old = this.rows.get(e.id);
      if (old) this.unlink(old);
      const row: Row = {
        doc: pickDocument(e),
        sketch: pickSketch(e),
        charKeys: e.charKeys,
        termKeys: e.termKeys,
        terms: e.terms,
      };
      this.rows.delete(e.id);
      this.rows.set(e.id, row);
      this.link(row);
    }
  }

  findByBands(channel: Channel, keys: Uint32Array): BandHit[] {
    const counts = new Map<string, number>();
    keys.forEach((k, b) => {
      for (const id of this.buckets.get(bandCode(channel, b, k)) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    return [...counts]
      .map(([id, bands]) => ({ id, bands }))
      .sort((x, y) => y.bands - x.bands || x.id.localeCompare(y.id));
  }

  findByHash(hash: string): string[] {
    return [...this.rows.values()].filter((r) => r.doc.hash === hash).map((r) => r.doc.id);
  }

  getHashes(ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const r = this.rows.get(id);
      if (r) out.set(id, r.doc.hash);
    }
    return out;
  }

  getDocuments(ids: readonly string[]): StoredDocument[] {
    return ids.flatMap((id) => {
      const r = this.rows.get(id);
      return r ? [r.doc] : [];
    });
  }

  getSketches(ids: readonly string[]): StoredSketch[] {
    return ids.flatMap((id) => {
      const r = this.rows.get(id);
      return r ? [r.sketch] : [];
    });
  }

  getDocumentFrequencies(terms: Iterable<string>): { documents: number; df: Map<string, number> } {
    const df = new Map<string, number>();
    for (const t of terms) df.set(t, this.df.get(t) ?? 0);
    return { documents: this.rows.size, df };
  }

  *iterateDocuments(size: number): Iterable<StoredDocument[]> {
    const all = [...this.rows.values()].map((r) => r.doc);
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
  }

  resetDerived(config: SketchConfig): void {
    this.config = config;
    this.buckets.clear();
    this.df.clear();
    for (const r of this.rows.values()) {
      r.charKeys = new Uint32Array(0);
      r.termKeys = new Uint32Array(0);
      r.terms = [];
    }
  }

  applyDerived(entries: readonly DocumentEntry[]): void {
    for (const e of entries) {
      const r = this.rows.get(e.id);
      if (!r) continue;
      this.unlink(r);
      r.sketch = pickSketch(e);
      r.charKeys = e.charKeys;
      r.termKeys = e.termKeys;
      r.terms = e.terms;
      this.link(r);
    }
  }

  /** Nothing is interrupted in memory: a rebuild that throws leaves no store behind. */
  setState(_state: 'ready' | 'rebuilding'): void {}

  stats(): IndexStats {
    let bucketEntries = 0;
    for (const s of this.buckets.values()) bucketEntries += s.size;
    let textChars = 0;
    for (const r of this.rows.values()) textChars += r.doc.text.length;
    return { documents: this.rows.size, terms: this.df.size, bucketEntries, textChars, config: this.config };
  }

  close(): void {}
}

export function pickDocument(e: StoredDocument): StoredDocument {
  return { id: e.id, text: e.text, meta: e.meta, hash: e.hash, chars: e.chars, words: e.words };
}

export function pickSketch(e: StoredSketch): StoredSketch {
  return { id: e.id, charSize: e.charSize, charSig: e.charSig, termSize: e.termSize, termSig: e.termSig };
}
