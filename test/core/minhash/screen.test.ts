/**
 * The store's screen digests (`screenDigest`, `digestHex`, `hexAgreements`) and the gate's screen
 * (`screenCharSignatures`): a document the screen rules out is one `rankSignatures` scores 0, so a
 * store may skip its signatures without changing any answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSortedSet } from '../../../src/core/fingerprint/shingle.js';
import { rankSignatures, screenCharSignatures } from '../../../src/core/minhash/filter.js';
import { computeMinHash, EMPTY_BIN } from '../../../src/core/minhash/minhash.js';
import { digestHex, hexAgreements, screenDigest } from '../../../src/types/index.js';

const SEED = 1;
const NO_TERMS = new Uint32Array(0);

/** A set of `shared` common and `own` own 32-bit values (`salt` keeps two sets' own values apart). */
function setOf(shared: number, own: number, salt: number, offset: number): Uint32Array {
  const value = (i: number) => (Math.imul(i + offset, 0x9e3779b1) >>> 0) ^ 0x5a5a5a5a;
  const out = Array.from({ length: shared }, (_, i) => value(i));
  for (let i = 0; i < own; i++) out.push(value(1_000_000 * (salt + 1) + i));
  return toSortedSet(Uint32Array.from(out));
}

const sig = (set: Uint32Array) => computeMinHash(set, { numPerm: 128, seed: SEED }).values;

/** Whether the probe's screen passes a document, on the digest a store keeps of its signature. */
const screenPasses = (probe: { charSize: number; charSig: Uint32Array }, charSize: number, charSig: Uint32Array) =>
  screenCharSignatures(probe)(charSize, digestHex(screenDigest(charSig)));

describe('screenDigest / digestAgreements', () => {
  it.each([
    { values: [0x1, 0x2f, 0x33], digest: [0xf1, 0x03] },
    { values: [0xfffffff0, 0xffffffff], digest: [0xf0] },
    { values: [], digest: [] },
  ])('packs the low 4 bits of $values, two to a byte', ({ values, digest }) => {
    expect([...screenDigest(Uint32Array.from(values))]).toEqual(digest);
  });

  it('writes a digest in upper-case hex, as SQLite hex() does', () => {
    expect(digestHex(Uint8Array.from([0xf1, 0x03, 0xab]))).toBe('F103AB');
    expect(digestHex(new Uint8Array(0))).toBe('');
  });

  it('counts the hex digits at which two digests agree', () => {
    const a = digestHex(screenDigest(Uint32Array.from([0x10, 0x21, 0x32, 0x43])));
    const b = digestHex(screenDigest(Uint32Array.from([0x20, 0x31, 0x42, 0x44])));
    // Positions 0, 1 and 2 agree in their low 4 bits; position 3 does not.
    expect(hexAgreements(a, b)).toBe(3);
    expect(hexAgreements(a, a)).toBe(4);
  });

  it('bounds the equal values from above, property', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 })), {
          minLength: 0,
          maxLength: 200,
        }),
        (cells) => {
          // Each position: the same value (0), a value with the same low 4 bits (1), or another (2).
          const a = Uint32Array.from(cells.map(([v]) => v));
          const b = Uint32Array.from(cells.map(([v, how]) => (how === 0 ? v : how === 1 ? v ^ 0x100 : v ^ 0x5)));
          const equal = cells.filter(([, how]) => how === 0).length;
          const agreeing = cells.filter(([, how]) => how !== 2).length;
          // An odd count leaves half a byte that agrees in both digests.
          const agreements = hexAgreements(digestHex(screenDigest(a)), digestHex(screenDigest(b)));
          expect(agreements).toBe(agreeing + (cells.length % 2));
          expect(agreements).toBeGreaterThanOrEqual(equal);
        },
      ),
    );
  });
});

describe('screenCharSignatures', () => {
  it('rules out only pairs rankSignatures scores 0 (character channel alone), property', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 1e6 }),
        // The sizes as stored may be any count: the estimate's containment reads them as given.
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        (shared, ownA, ownB, offset, otherSize) => {
          const a = setOf(shared, ownA, 0, offset);
          const b = setOf(shared, ownB, 1, offset);
          const probe = { charSize: a.length, charSig: sig(a), termSig: NO_TERMS };
          const doc = { charSize: otherSize ?? b.length, charSig: sig(b), termSig: NO_TERMS };
          const passes = screenPasses(probe, doc.charSize, doc.charSig);
          if (!passes) expect(rankSignatures(doc, probe, SEED, false)).toBe(0);
          if (rankSignatures(doc, probe, SEED, false) > 0) expect(passes).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rules out no pair at the filter thresholds, on signatures made to sit at them, property', () => {
    // Signatures that agree in exactly `same` positions and in `nibbles` more low-4-bit halves:
    // the screen's bound is then same + nibbles, and must pass wherever the estimate does.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 128 }),
        fc.integer({ min: 0, max: 128 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (same, extra, sizeA, sizeB, salt) => {
          const nibbles = Math.min(extra, 128 - same);
          const a = Uint32Array.from({ length: 128 }, (_, i) => (Math.imul(i + salt, 0x85ebca6b) >>> 0) & 0xfffffff0);
          const b = a.map((v, i) => (i < same ? v : i < same + nibbles ? v ^ 0x10 : v ^ 0x7));
          const probe = { charSize: sizeA, charSig: a, termSig: NO_TERMS };
          const doc = { charSize: sizeB, charSig: b, termSig: NO_TERMS };
          if (rankSignatures(doc, probe, SEED, false) > 0) expect(screenPasses(probe, sizeB, b)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    { name: 'unrelated texts of one size', shared: 0, ownA: 3000, ownB: 3000, ruledOut: true },
    { name: 'unrelated, one a third of the other', shared: 0, ownA: 3000, ownB: 1000, ruledOut: true },
    { name: 'a copy with a tenth changed', shared: 2700, ownA: 300, ownB: 300, ruledOut: false },
    { name: 'an excerpt (a fifth of its source)', shared: 600, ownA: 2400, ownB: 0, ruledOut: false },
    { name: 'a short page inside a long one (share 0.6)', shared: 300, ownA: 5000, ownB: 200, ruledOut: false },
  ])('$name: ruled out $ruledOut', ({ shared, ownA, ownB, ruledOut }) => {
    const a = setOf(shared, ownA, 0, 7);
    const b = setOf(shared, ownB, 1, 7);
    const probe = { charSize: a.length, charSig: sig(a), termSig: NO_TERMS };
    expect(screenPasses(probe, b.length, sig(b))).toBe(!ruledOut);
    expect(rankSignatures({ charSize: b.length, charSig: sig(b), termSig: NO_TERMS }, probe, SEED, false) > 0).toBe(
      !ruledOut,
    );
  });

  it('rules nothing out for digests of another length or an empty probe signature', () => {
    const probe = { charSize: 10, charSig: sig(setOf(0, 10, 0, 1)) };
    expect(screenCharSignatures(probe)(10, 'AB'.repeat(32))).toBe(true);
    expect(screenCharSignatures({ charSize: 0, charSig: new Uint32Array(0) })(10, '')).toBe(true);
    // Two empty sets: every bin EMPTY_BIN, the estimate 1 and the screen's bound 1.
    const empty = new Uint32Array(128).fill(EMPTY_BIN);
    expect(screenPasses({ charSize: 0, charSig: empty }, 0, empty)).toBe(true);
  });
});
