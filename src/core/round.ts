/**
 * Scores in reports are rounded to 4 decimals: enough to order pairs, few enough that the same
 * input gives byte-identical JSON across machines whose last floating-point digits differ.
 */
export function roundScore(x: number): number {
  return Math.round(x * 10000) / 10000;
}
