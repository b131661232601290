/** Review fixtures built from the seeds at test time (nothing copied into the repository twice). */
import type { Article } from '../../src/types/index.js';
import { seed } from '../helpers/fixtures.js';

const MARK = 'The following report was originally published on the IDCPC website.';

/** Seed 000 cut in two: its own intro, and the IDCPC report it republishes (which the intro restates). */
export function seed000Halves(): { intro: Article; report: Article } {
  const text = seed('000');
  const at = text.indexOf(MARK);
  if (at < 0) throw new Error(`seed 000 no longer holds "${MARK}"`);
  return {
    intro: { id: 'seed000-intro', text: text.slice(0, at).trim() },
    report: { id: 'seed000-report', text: text.slice(at + MARK.length).trim() },
  };
}

export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Seed 004 republished: a two-sentence intro added and its fourth paragraph dropped. */
export function seed004Republished(): Article {
  const intro =
    "Cuba's ties with the regions of China were in focus this week. What follows was first published by a Chinese outlet.";
  return {
    id: 'seed004-republished',
    text: [intro, ...paragraphs(seed('004')).filter((_, k) => k !== 3)].join('\n\n'),
  };
}

/** An article whose text is markup and script, to show that reports print it as text. */
export const HOSTILE: Article = {
  id: 'hostile<b>',
  // Markup inside article sentences (body text, so that body extraction keeps it for the review).
  text: 'The leaked page held <script>document.title = "owned"</script> and <img src=x onerror="document.title=\'owned\'"> & "quotes", officials told reporters in Havana on Monday.\n\nA second paragraph about the meeting in Havana, where the two delegations discussed trade, health and the schedule of the next talks.',
};
