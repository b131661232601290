/**
 * The gate's decision: which matches make an article redundant, in what order they are listed,
 * and the verdict in plain words with the thresholds each match crossed.
 */
import type { GateEventResult, GateMatch, GateVerdict, PairResult, Relation } from '../types/index.js';
import { RELATION_STRENGTH } from './relation/classify.js';

/** Whether a relation to an indexed article makes the input redundant. */
export function isRedundant(relation: Relation, countTranslations: boolean): boolean {
  return (
    relation === 'duplicate' ||
    relation === 'republication' ||
    relation === 'edited-copy' ||
    (countTranslations && relation === 'translation-variant')
  );
}

/** A judged pair (input first) as a gate match; `container` says 'input' or the indexed id. */
export function toGateMatch(pair: PairResult, inputId: string, otherId: string): GateMatch {
  const m: GateMatch = { id: otherId, relation: pair.relation, scores: pair.scores, reasons: pair.reasons };
  if (pair.container !== undefined) m.container = pair.container === inputId ? 'input' : otherId;
  if (pair.shared) m.shared = pair.shared;
  return m;
}

/** Matches strongest relation first, then higher cosine, then by id. */
export function sortMatches(matches: GateMatch[]): GateMatch[] {
  return matches.sort(
    (x, y) =>
      RELATION_STRENGTH[y.relation] - RELATION_STRENGTH[x.relation] ||
      y.scores.cosine - x.scores.cosine ||
      x.id.localeCompare(y.id),
  );
}

/** One match in words: "republication of "x" (the input holds "x"): coverage(max) 0.97 >= 0.9". */
export function describeMatch(m: GateMatch): string {
  const crossed = m.reasons
    .filter((r) => r.op === '>=')
    .map((r) => `${r.score} ${r.value} >= ${r.threshold}`)
    .join(', ');
  const holder =
    m.relation === 'republication' && m.container
      ? ` (${m.container === m.id ? `"${m.id}" holds the input` : `the input holds "${m.id}"`})`
      : '';
  return `${m.relation} of "${m.id}"${holder}${crossed ? `: ${crossed}` : ''}`;
}

export interface GateDecision {
  verdict: GateVerdict;
  reasons: string[];
}

/** The verdict on sorted matches, with its reasons; `proposed`/`verified` explain a novel verdict. */
export function decideGate(
  matches: readonly GateMatch[],
  counts: { proposed: number; verified: number },
  countTranslations: boolean,
): GateDecision {
  const redundant = matches.filter((m) => isRedundant(m.relation, countTranslations));
  if (redundant.length > 0) return { verdict: 'redundant', reasons: redundant.map(describeMatch) };
  const { proposed, verified } = counts;
  return {
    verdict: 'novel',
    reasons: [
      verified === 0
        ? `no indexed article comes close (${proposed} LSH candidate${proposed === 1 ? '' : 's'}, none passed the signature filter)`
        : `none of ${verified} verified candidate${verified === 1 ? '' : 's'} is a duplicate or republication${countTranslations ? ' or translation variant' : ''}`,
    ],
  };
}

/**
 * A novel verdict's reasons with the event check's answer: "novel text about a known event: <id>
 * (same actors …; dates …)", and a line for each other indexed document of that event listed.
 */
export function noteKnownEvent(reasons: readonly string[], event: GateEventResult): string[] {
  if (!event.known) return [...reasons];
  const [first, ...rest] = event.matches;
  if (!first) return [...reasons];
  return [
    ...reasons,
    `novel text about a known event: "${first.id}" (${first.reasons.join('; ')})`,
    ...rest.map((m) => `the same event is also in "${m.id}" (${m.reasons.join('; ')})`),
  ];
}
