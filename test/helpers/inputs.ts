/** Generated inputs for the bound and hostile-input tests (deterministic). */

/** One-line articles of eight words from a 15-word vocabulary (a linear congruential generator: deterministic). */
export function oneLiners(count: number, seedValue = 7): Array<{ id: string; text: string }> {
  let x = seedValue;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  // biome-ignore format: a word list
  const words = ['alpha', 'beta', 'gamma', 'delta', 'river', 'city', 'council', 'vote', 'budget', 'school', 'road', 'tax', 'mayor', 'plan', 'water'];
  return Array.from({ length: count }, (_, i) => ({
    id: `line${i}`,
    text: `${Array.from({ length: 8 }, () => words[Math.floor(next() * words.length)]).join(' ')}.`,
  }));
}
