/**
 * Choosing LSH bands (b) and rows per band (r) for a Jaccard threshold.
 *
 * With b bands of r MinHash values each, two sets of Jaccard s collide in at least one band with
 * probability P(s) = 1 − (1 − s^r)^b: an S-curve whose steep part sits near (1/b)^(1/r). We want
 * P low below the threshold t (false positives cost a verification each) and high above it
 * (false negatives are misses). datasketch's method, which we follow in our own code: for every
 * (b, r) with b·r ≤ numPerm, measure
 *   false-positive area  FP(b, r) = ∫₀ᵗ P(s) ds      (the mass of the curve below the threshold)
 *   false-negative area  FN(b, r) = ∫ₜ¹ 1 − P(s) ds  (the mass missing above it)
 * and keep the pair that minimises wFP·FP + wFN·FN. The weights say which error matters more;
 * a gate that must not miss republications weighs false negatives more, and pays with more
 * candidates to verify. The integrals have no closed form worth the trouble; Simpson's rule on
 * 200 intervals is exact to far below the differences between neighbouring (b, r).
 */

import type { LshParams } from '../../types/index.js';

export interface LshParamsOptions {
  /** Jaccard threshold in (0, 1). */
  threshold: number;
  /** Signature length available. */
  numPerm: number;
  /** Weights of the two error areas; each in [0, 1], summing to 1. Default 0.5 / 0.5. */
  weights?: { falsePositive: number; falseNegative: number };
}

/** Probability that two sets of Jaccard s share at least one band. */
export function collisionProbability(s: number, params: LshParams): number {
  return 1 - (1 - s ** params.rows) ** params.bands;
}

function integrate(f: (x: number) => number, from: number, to: number, intervals = 200): number {
  if (to <= from) return 0;
  const h = (to - from) / intervals;
  let sum = f(from) + f(to);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

export function falsePositiveArea(threshold: number, params: LshParams): number {
  return integrate((s) => collisionProbability(s, params), 0, threshold);
}

export function falseNegativeArea(threshold: number, params: LshParams): number {
  return integrate((s) => 1 - collisionProbability(s, params), threshold, 1);
}

export function validateLshParamsOptions(options: LshParamsOptions): void {
  const { threshold, numPerm, weights } = options;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1)) {
    throw new RangeError(`threshold must be in (0.0, 1.0), got ${String(threshold)}`);
  }
  if (!Number.isInteger(numPerm) || numPerm < 2) {
    throw new RangeError(`numPerm must be a whole number ≥ 2, got ${String(numPerm)}`);
  }
  if (weights) {
    const { falsePositive: fp, falseNegative: fn } = weights;
    if (!(fp >= 0 && fp <= 1 && fn >= 0 && fn <= 1) || Math.abs(fp + fn - 1) > 1e-9) {
      throw new RangeError(`weights must each be in [0.0, 1.0] and sum to 1.0, got ${String(fp)} and ${String(fn)}`);
    }
  }
}

/** The (bands, rows) minimising the weighted error areas, with bands · rows ≤ numPerm. */
export function chooseLshParams(options: LshParamsOptions): LshParams {
  validateLshParamsOptions(options);
  const { threshold, numPerm } = options;
  const wfp = options.weights?.falsePositive ?? 0.5;
  const wfn = options.weights?.falseNegative ?? 0.5;
  let best: LshParams = { bands: 1, rows: 1 };
  let bestError = Number.POSITIVE_INFINITY;
  for (let bands = 1; bands <= numPerm; bands++) {
    const maxRows = Math.floor(numPerm / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const p = { bands, rows };
      const error = wfp * falsePositiveArea(threshold, p) + wfn * falseNegativeArea(threshold, p);
      if (error < bestError - 1e-12) {
        bestError = error;
        best = p;
      }
    }
  }
  return best;
}
