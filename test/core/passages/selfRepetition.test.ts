import { describe, expect, it } from 'vitest';
import { findSelfRepetition } from '../../../src/core/passages/selfRepetition.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { readSeed } from '../fixtures/seeds.js';

const norm = (id: string, text: string) => normalizeArticle({ id, text });

describe('findSelfRepetition', () => {
  it('seed 000: the intro restates the report it republishes', () => {
    const n = norm('000', readSeed('000'));
    const notes = findSelfRepetition(n);
    const intro = n.sentences.findIndex((s) => s.text.startsWith('Alamo said the Cuban side sincerely thanks'));
    const report = n.sentences.findIndex((s) => s.text.startsWith('Alamo said, the Cuban side sincerely thanks'));
    expect(intro).toBeGreaterThanOrEqual(0);
    expect(report).toBeGreaterThan(intro);
    const note = notes.find((x) => x.first === intro && x.second === report);
    expect(note).toMatchObject({ kind: 'self-repetition', similarity: 1 });
    expect(note?.text.startsWith('Alamo said the Cuban side sincerely thanks China')).toBe(true);
    expect(note?.text.length).toBeLessThanOrEqual(120);
  });

  it.each(['001', '002', '004'])('seed %s repeats nothing', (seed) => {
    expect(findSelfRepetition(norm(seed, readSeed(seed)))).toEqual([]);
  });

  it('neighbouring sentences and short sentences are not reported', () => {
    const s = 'The two parties agreed to strengthen exchanges and cooperation in ideological and other fields';
    expect(findSelfRepetition(norm('x', `${s}. ${s}.`))).toEqual([]);
    expect(findSelfRepetition(norm('y', 'Cuba thanks China. Other words here. Cuba thanks China.'))).toEqual([]);
    expect(findSelfRepetition(norm('z', `${s}. Other words here. ${s}.`))).toHaveLength(1);
  });
});
