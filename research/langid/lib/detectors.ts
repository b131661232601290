/**
 * One uniform wrapper per candidate: `detect(text)` → normalised code plus the raw numbers each
 * package exposes, so the measuring scripts can try "und" rules after the fact.
 *
 *  s1 / s2   : the package's score for its best / second-best language (scale differs per package)
 *  reliable  : the package's own reliability flag, where it has one
 */
import { guessLanguage } from '../guessLanguage.js';
import { toIso1 } from './codes.js';

export interface Detection {
  lang: string; // ISO 639-1 where one exists, else the raw code, or 'und'
  raw: string;
  s1: number;
  s2: number;
  second: string; // runner-up language (normalised), '' if none
  reliable: boolean | null;
}

export interface Detector {
  name: string;
  /** package specifier(s), for reporting */
  pkg: string;
  detect(text: string): Detection;
}

const UND: Detection = { lang: 'und', raw: '', s1: 0, s2: 0, second: '', reliable: false };

export async function makeDetector(name: string): Promise<Detector> {
  switch (name) {
    case 'guess':
      return {
        name,
        pkg: 'copydesk guessLanguage',
        detect(text) {
          const l = guessLanguage(text);
          return { lang: l, raw: l, s1: l === 'und' ? 0 : 1, s2: 0, second: '', reliable: null };
        },
      };
    case 'eld-L':
    case 'eld-M':
    case 'eld-S':
    case 'eld-XS': {
      const entry = { 'eld-L': 'large', 'eld-M': 'medium', 'eld-S': 'small', 'eld-XS': 'extrasmall' }[name];
      const mod = await import(`eld/${entry}`);
      const eld = mod.eld;
      return {
        name,
        pkg: `eld/${entry}`,
        detect(text) {
          const r = eld.detect(text);
          if (!r.language) return UND;
          const scores = Object.entries(r.getScores() as Record<string, number>);
          return {
            lang: toIso1(r.language),
            raw: r.language,
            s1: scores[0]?.[1] ?? 0,
            s2: scores[1]?.[1] ?? 0,
            second: scores[1]?.[0] ?? '',
            reliable: r.isReliable(),
          };
        },
      };
    }
    case 'franc-min':
    case 'franc': {
      const mod = name === 'franc' ? await import('franc') : await import('franc-min');
      return {
        name,
        pkg: name,
        detect(text) {
          const all = mod.francAll(text); // default minLength 10: shorter → [['und', 1]]
          const [best, runner] = all;
          if (!best || best[0] === 'und') return UND;
          return {
            lang: toIso1(best[0]),
            raw: best[0],
            s1: best[1],
            s2: runner?.[1] ?? 0,
            second: runner ? toIso1(runner[0]) : '',
            reliable: null,
          };
        },
      };
    }
    case 'tinyld':
    case 'tinyld-heavy':
    case 'tinyld-light': {
      const spec = name === 'tinyld' ? 'tinyld' : `tinyld/${name.slice(7)}`;
      const mod = await import(spec);
      return {
        name,
        pkg: spec,
        detect(text) {
          const all = mod.detectAll(text) as Array<{ lang: string; accuracy: number }>;
          const [best, runner] = all;
          if (!best) return UND;
          return {
            lang: toIso1(best.lang),
            raw: best.lang,
            s1: best.accuracy,
            s2: runner?.accuracy ?? 0,
            second: runner ? toIso1(runner.lang) : '',
            reliable: null,
          };
        },
      };
    }
    case 'cld3': {
      const { loadModule } = await import('cld3-asm');
      const factory = await loadModule();
      // minBytes 0: always predict (the default 140 returns 'und' for every short snippet);
      // maxBytes 2048: look at about as much text as franc does.
      const id = factory.create(0, 2048);
      return {
        name,
        pkg: 'cld3-asm',
        detect(text) {
          const r = id.findLanguage(text);
          if (!r.language || r.language === 'und') return UND;
          return {
            lang: toIso1(r.language),
            raw: r.language,
            s1: r.probability,
            s2: 0,
            second: '',
            reliable: r.is_reliable,
          };
        },
      };
    }
    default:
      throw new Error(`unknown detector ${name}`);
  }
}

export const MAIN_DETECTORS = ['guess', 'eld-L', 'franc-min', 'franc', 'tinyld', 'cld3'];
export const SIDE_DETECTORS = ['eld-M', 'eld-S', 'eld-XS', 'tinyld-heavy', 'tinyld-light'];
