/** Generated inputs for the bound and hostile-input tests (deterministic). */

/** A deterministic random source in [0, 1) (mulberry32). */
export function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One-line articles of eight words from a 15-word vocabulary (deterministic). */
export function oneLiners(count: number, seedValue = 7): Array<{ id: string; text: string }> {
  const next = random(seedValue);
  // biome-ignore format: a word list
  const words = ['alpha', 'beta', 'gamma', 'delta', 'river', 'city', 'council', 'vote', 'budget', 'school', 'road', 'tax', 'mayor', 'plan', 'water'];
  return Array.from({ length: count }, (_, i) => ({
    id: `line${i}`,
    text: `${Array.from({ length: 8 }, () => words[Math.floor(next() * words.length)]).join(' ')}.`,
  }));
}
