import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import {
  addCharacterNoise,
  createRandom,
  generateVariants,
  KIND_RELATION,
  mojibake,
  truncateText,
  VARIANT_KINDS,
  type VariantKind,
} from '../../src/eval/generate.js';
import type { Article } from '../../src/types/index.js';

const seed = (name: string): Article => ({
  id: name,
  text: readFileSync(new URL(`../../corpus/${name}.txt`, import.meta.url), 'utf8'),
});
const SOURCES = [seed('000_b20c2e0df0aa8a72'), seed('001_bb560fb1aa56975a'), seed('002_d3ce4053ebf7dfb8')];
const ACCENTED: Article = {
  id: 'es',
  text: 'Díaz-Canel recibió al ministro en La Habana.\n\nEl presidente cubano habló de la cooperación económica.\n\nLa reunión terminó con un acuerdo sobre educación y energía.',
};

function only(kind: VariantKind, source = SOURCES[2] as Article, s = 7) {
  const [v] = generateVariants([source, ...SOURCES.filter((x) => x !== source)], { seed: s, kinds: [kind] });
  if (!v) throw new Error(`no ${kind} variant`);
  return v;
}
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
const matchTokens = (t: string) => normalizeArticle({ id: 'x', text: t }).tokens.join(' ');

describe('generateVariants', () => {
  it('is deterministic for a seed and changes with it', () => {
    const a = generateVariants(SOURCES, { seed: 42, perSource: 10 });
    const b = generateVariants(SOURCES, { seed: 42, perSource: 10 });
    const c = generateVariants(SOURCES, { seed: 43, perSource: 10 });
    expect(a).toEqual(b);
    expect(a.map((v) => v.text)).not.toEqual(c.map((v) => v.text));
    expect(new Set(a.map((v) => v.id)).size).toBe(a.length);
  });

  it('rotates the kinds evenly and labels each with its relation, source and cluster', () => {
    const vs = generateVariants(SOURCES, { seed: 1, perSource: VARIANT_KINDS.length });
    expect(vs).toHaveLength(3 * VARIANT_KINDS.length);
    for (const kind of VARIANT_KINDS) expect(vs.filter((v) => v.kind === kind)).toHaveLength(3);
    for (const v of vs) {
      expect(v.relation).toBe(KIND_RELATION[v.kind]);
      expect(v.cluster).toBe(v.sourceId);
    }
  });

  it('takes the cluster from meta.cluster', () => {
    const [v] = generateVariants([{ ...(SOURCES[0] as Article), meta: { cluster: 'c9' } }], {
      seed: 1,
      kinds: ['ocr'],
    });
    expect(v?.cluster).toBe('c9');
  });

  it('skips a roundup when no source of another cluster exists', () => {
    expect(generateVariants([SOURCES[0] as Article], { seed: 1, kinds: ['roundup'] })).toEqual([]);
  });

  it('skips the page kinds for a source that is not article-like, and a re-lede for a non-English one', () => {
    const post: Article = { id: 'post', text: 'Is there a way to punish him\nSo that this does not happen again' };
    for (const kind of ['page', 'late-start', 'preview', 're-lede'] as const)
      expect(generateVariants([post], { seed: 1, kinds: [kind] })).toEqual([]);
    expect(generateVariants([{ ...(SOURCES[2] as Article), lang: 'es' }], { seed: 1, kinds: ['re-lede'] })).toEqual([]);
  });

  it.each([
    { name: 'seed not an integer', options: { seed: 1.5 } },
    { name: 'perSource 0', options: { seed: 1, perSource: 0 } },
    { name: 'unknown kind', options: { seed: 1, kinds: ['paraphrase' as VariantKind] } },
  ])('rejects bad options: $name', ({ options }) => {
    expect(() => generateVariants(SOURCES, options)).toThrow(RangeError);
  });
});

describe('each kind does what it says (seed article 002)', () => {
  const source = SOURCES[2] as Article;
  it.each([
    {
      kind: 'boilerplate' as const,
      check: (t: string) => {
        expect(t).toMatch(/Leave a Reply|Add new comment|Deja un comentario|Post a comment|3 Comments/);
        // Normalization removes all that was added: the matching form is the source's.
        expect(matchTokens(t)).toBe(matchTokens(source.text));
      },
    },
    {
      kind: 'reorder' as const,
      check: (t: string) => {
        expect(t).not.toBe(source.text);
        expect(t.split('\n\n').sort()).toEqual(source.text.trim().split('\n\n').sort());
      },
    },
    {
      kind: 'spelling' as const,
      check: (t: string) => {
        expect(t).toContain('organisation');
        expect(matchTokens(t)).toBe(matchTokens(source.text));
      },
    },
    {
      kind: 'quotes' as const,
      check: (t: string) => {
        expect(t).not.toBe(source.text);
        expect(matchTokens(t)).toBe(matchTokens(source.text));
      },
    },
    {
      kind: 'ocr' as const,
      check: (t: string) => {
        expect(t).not.toBe(source.text);
        const a = matchTokens(t).split(' ');
        const b = matchTokens(source.text).split(' ');
        const changed = b.filter((w, i) => a[i] !== w).length;
        expect(changed).toBeGreaterThan(0);
      },
    },
    {
      kind: 'intro' as const,
      check: (t: string) => {
        expect(t.endsWith(source.text.trim())).toBe(true);
        const added = words(t) / words(source.text) - 1;
        expect(added).toBeGreaterThanOrEqual(0.2);
      },
    },
    {
      kind: 'truncate' as const,
      check: (t: string) => {
        expect(source.text.startsWith(t)).toBe(true);
        expect(t.length / source.text.length).toBeGreaterThanOrEqual(0.29);
        expect(t.length / source.text.length).toBeLessThanOrEqual(0.8);
      },
    },
    {
      kind: 'drop-paragraph' as const,
      check: (t: string) => {
        const kept = t.split('\n\n');
        const all = source.text.trim().split('\n\n');
        expect(kept.every((p) => all.includes(p))).toBe(true);
        const ratio = words(t) / words(source.text);
        expect(ratio).toBeLessThanOrEqual(0.8);
        expect(ratio).toBeGreaterThanOrEqual(0.4);
      },
    },
    {
      kind: 'roundup' as const,
      check: (t: string) => {
        expect(t.startsWith(source.text.trim())).toBe(true);
        expect(t).toMatch(/In other news:|Also today:|Elsewhere:|In brief:/);
      },
    },
    {
      kind: 'page' as const,
      check: (t: string) => {
        expect(t).toMatch(/Home \||News •|Inicio >|Top stories \//);
        expect(words(t)).toBeGreaterThan(words(source.text));
        // Body extraction sets the page aside again: the matching form is the source's body.
        expect(matchTokens(t)).toBe(matchTokens(source.text));
      },
    },
    {
      kind: 'house-style' as const,
      check: (t: string) => {
        expect(t).not.toBe(source.text);
        expect(t).not.toMatch(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b/);
      },
    },
    {
      kind: 'late-start' as const,
      check: (t: string) => {
        expect(source.text.trim().endsWith(t.trim())).toBe(true);
        const ratio = words(t) / words(source.text);
        expect(ratio).toBeGreaterThanOrEqual(0.5);
        expect(ratio).toBeLessThanOrEqual(0.8);
      },
    },
    {
      kind: 'preview' as const,
      check: (t: string) => {
        const [head, link] = [t.slice(0, t.lastIndexOf('\n')), t.slice(t.lastIndexOf('\n') + 1)];
        expect(source.text.startsWith(head.trim())).toBe(true);
        expect(link).toMatch(/Continue reading…|Read the full story|Click here to read more/);
        expect(words(head)).toBeGreaterThanOrEqual(40);
        expect(words(head) / words(source.text)).toBeLessThanOrEqual(0.7);
      },
    },
    {
      kind: 're-lede' as const,
      check: (t: string) => {
        const kept = t.split('\n\n').filter((p) => source.text.includes(p));
        const share = words(kept.join(' ')) / words(source.text);
        expect(share).toBeGreaterThanOrEqual(0.5);
        expect(share).toBeLessThanOrEqual(0.8);
        // The lede (the paragraph after the headline) is replaced.
        expect(t.split('\n\n')[1]).not.toBe(source.text.split('\n\n')[1]);
      },
    },
  ])('$kind', ({ kind, check }) => {
    const v = only(kind, source);
    expect(v.relation).toBe(KIND_RELATION[kind]);
    check(v.text);
  });

  it('roundup: holds its first source in full and at most a third of the second', () => {
    const v = only('roundup', source);
    expect(v.sourceIds?.[0]).toBe(source.id);
    const second = SOURCES.find((s) => s.id === v.sourceIds?.[1]) as Article;
    const brief = v.text.slice(source.text.trim().length);
    expect(words(brief)).toBeLessThanOrEqual(words(second.text) / 3 + 3);
  });

  it.each([
    { name: 'lost accents', want: 'Diaz-Canel recibio' },
    { name: 'mojibake', want: 'DÃ­az-Canel recibiÃ³' },
    { name: 'dropped letters', want: 'Daz-Canel recibi al' },
  ])('accents: $name is one of the damages', ({ want }) => {
    const texts = new Set(Array.from({ length: 30 }, (_, s) => only('accents', ACCENTED, s).text.slice(0, 22)));
    expect([...texts].some((t) => t.startsWith(want.slice(0, 18)))).toBe(true);
  });
});

describe('helpers', () => {
  it.each([
    { input: 'Díaz', want: 'DÃ­az' },
    { input: 'China’s', want: 'Chinaâ€™s' },
    { input: 'plain ascii', want: 'plain ascii' },
  ])('mojibake($input) = $want', ({ input, want }) => {
    expect(mojibake(input)).toBe(want);
  });

  it('truncation keeps a prefix of 30–80 % (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 10, maxLength: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (text, f) => {
          const t = truncateText(text, f);
          expect(text.startsWith(t)).toBe(true);
          expect(t.length).toBeLessThanOrEqual(Math.floor(text.length * 0.8));
          expect(t.length).toBeGreaterThanOrEqual(Math.ceil(text.length * 0.3));
        },
      ),
    );
  });

  it('character noise touches about the given share of letters (property)', () => {
    const text = (SOURCES[0] as Article).text;
    const letters = [...text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer(), (pct, s) => {
        const noisy = addCharacterNoise(text, pct / 100, createRandom(s));
        const same = noisy === text;
        expect(same).toBe(false);
        // Each damage changes the length by at most one character.
        expect(Math.abs(noisy.length - text.length)).toBeLessThanOrEqual(letters * (pct / 100) * 2 + 20);
      }),
      { numRuns: 30 },
    );
  });

  it('createRandom gives numbers in [0, 1) and repeats for a seed (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (s) => {
        const a = createRandom(s);
        const b = createRandom(s);
        for (let i = 0; i < 20; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });
});
