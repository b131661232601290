/**
 * Worker thread: judges shares of a scan's candidate pairs (`judgeSlice`). It is sent the corpus's
 * fingerprints and vectors once, then flat pair lists; it posts back each share's linked pairs and
 * the closest unrelated ones it kept.
 */
import { parentPort } from 'node:worker_threads';
import { emptyJudged, judgeSlice, type ScoringInput } from '../scoring.js';

type Message = { type: 'init'; input: ScoringInput } | { type: 'share'; id: number; pairs: Uint32Array };

let input: ScoringInput | undefined;

parentPort?.on('message', (msg: Message) => {
  if (msg.type === 'init') {
    input = msg.input;
    return;
  }
  try {
    if (!input) throw new Error('scoring worker: pairs before the corpus');
    const judged = judgeSlice(input, msg.pairs, emptyJudged());
    parentPort?.postMessage({ id: msg.id, linked: judged.linked, nearest: judged.nearest.list() });
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
