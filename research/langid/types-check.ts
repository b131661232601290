// Does each package type-check under copydesk's compiler settings (NodeNext, strict)?
import { eld } from 'eld/medium';
import { francAll } from 'franc-min';
import { detectAll } from 'tinyld';
import { loadModule } from 'cld3-asm';

const e: string = eld.detect('Hola amigo').language;
const f: Array<[string, number]> = francAll('Hola amigo, ¿qué tal?');
const t: Array<{ lang: string; accuracy: number }> = detectAll('Hola amigo');
const c = (await loadModule()).create(0, 1000).findLanguage('Hola amigo').probability;
console.log(e, f[0], t[0], c);
