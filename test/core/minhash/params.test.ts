import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBandKeys, LshIndex, validateLshParams } from '../../../src/core/minhash/lsh.js';
import { computeMinHash } from '../../../src/core/minhash/minhash.js';
import {
  chooseLshParams,
  collisionProbability,
  falseNegativeArea,
  falsePositiveArea,
} from '../../../src/core/minhash/params.js';

describe('chooseLshParams', () => {
  it('keeps bands × rows within the signature length, property', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 2, max: 96 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (threshold, numPerm, w) => {
          const p = chooseLshParams({ threshold, numPerm, weights: { falsePositive: w, falseNegative: 1 - w } });
          expect(p.bands * p.rows).toBeLessThanOrEqual(numPerm);
          expect(p.bands).toBeGreaterThanOrEqual(1);
          expect(p.rows).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });

  it('minimises the weighted error: no other (b, r) does better, property', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.integer({ min: 4, max: 40 }),
        (threshold, numPerm) => {
          const best = chooseLshParams({ threshold, numPerm });
          const error = (p: { bands: number; rows: number }) =>
            0.5 * falsePositiveArea(threshold, p) + 0.5 * falseNegativeArea(threshold, p);
          const e = error(best);
          for (let b = 1; b <= numPerm; b++)
            for (let r = 1; b * r <= numPerm; r++) expect(e).toBeLessThanOrEqual(error({ bands: b, rows: r }) + 1e-12);
        },
      ),
      { numRuns: 15, seed: 9 },
    );
  });

  it('puts the S-curve around the threshold: weighting misses moves the curve left', () => {
    const balanced = chooseLshParams({ threshold: 0.5, numPerm: 128 });
    const recall = chooseLshParams({
      threshold: 0.5,
      numPerm: 128,
      weights: { falsePositive: 0.1, falseNegative: 0.9 },
    });
    expect(collisionProbability(0.8, balanced)).toBeGreaterThan(0.99);
    expect(collisionProbability(0.2, balanced)).toBeLessThan(0.05);
    expect(collisionProbability(0.5, recall)).toBeGreaterThan(collisionProbability(0.5, balanced));
  });

  it.each([
    { name: 'threshold 0', opts: { threshold: 0, numPerm: 128 }, message: 'threshold must be in (0.0, 1.0), got 0' },
    {
      name: 'threshold 1.2',
      opts: { threshold: 1.2, numPerm: 128 },
      message: 'threshold must be in (0.0, 1.0), got 1.2',
    },
    { name: 'numPerm 1', opts: { threshold: 0.5, numPerm: 1 }, message: 'numPerm must be a whole number ≥ 2, got 1' },
    {
      name: 'weights not summing to 1',
      opts: { threshold: 0.5, numPerm: 64, weights: { falsePositive: 0.5, falseNegative: 0.6 } },
      message: 'weights must each be in [0.0, 1.0] and sum to 1.0, got 0.5 and 0.6',
    },
  ])('validates: $name', ({ opts, message }) => {
    expect(() => chooseLshParams(opts)).toThrow(message);
  });
});

describe('LSH bands', () => {
  const opts = { numPerm: 64, seed: 11 };
  const params = { bands: 16, rows: 4 };

  it('gives identical sets the same keys and near sets at least one shared band', () => {
    const a = Uint32Array.from({ length: 500 }, (_, i) => i * 7919);
    const near = Uint32Array.from({ length: 500 }, (_, i) => (i < 470 ? i * 7919 : 1e9 + i));
    const far = Uint32Array.from({ length: 500 }, (_, i) => 2e9 + i);
    const index = new LshIndex(params);
    index.insert(0, computeBandKeys(computeMinHash(a, opts), params));
    index.insert(1, computeBandKeys(computeMinHash(near, opts), params));
    index.insert(2, computeBandKeys(computeMinHash(far, opts), params));
    expect(index.query(computeBandKeys(computeMinHash(a, opts), params))).toEqual([0, 1]);
    expect(index.collectPairs()).toEqual([[0, 1]]);
  });

  it.each([
    {
      name: 'bands × rows over the length',
      p: { bands: 17, rows: 4 },
      message: 'bands × rows must be at most the signature length 64, got 17 × 4 = 68',
    },
    { name: 'zero rows', p: { bands: 4, rows: 0 }, message: 'bands and rows must be whole numbers ≥ 1, got 4 and 0' },
  ])('validates: $name', ({ p, message }) => {
    expect(() => validateLshParams(p, 64)).toThrow(message);
    expect(() => computeBandKeys(computeMinHash(Uint32Array.from([1]), opts), p)).toThrow(message);
  });
});
