/**
 * Languages and messages: the one place that says what a language is, what a text in both
 * languages is, how a message template is filled, and which language a locale asks for. Every
 * catalogue (the rules', the pane's, the hosts', the CLI's, the ribbon's, the category and severity
 * names) has one shape, key -> { zh, en } (Catalogue), and is formatted by `format`.
 */
import { memoize } from "./memo";

/** The user's language: Chinese first, English available. */
export type Lang = "zh" | "en";

export const LANGS: readonly Lang[] = ["zh", "en"];

/** The same thing in both languages. */
export interface Bilingual<T = string> {
  zh: T;
  en: T;
}

/** What a placeholder is filled with: a value, or a phrase in both languages (the user's is used). */
export type ParamValue = string | number | Bilingual<string | number>;

export type Params = Record<string, ParamValue>;

/**
 * A message template: `{name}` is the parameter `name`; `{n|item|items}` is the first word when the
 * parameter `n` is 1 and the second otherwise (English plurals; Chinese needs none). Any other brace
 * is text.
 */
export type Template = string;

/** The names of the placeholders of a template, as a type: `"指标“{name}”的 {value}"` → "name" | "value". */
export type PlaceholderNames<S extends string> = S extends `${string}{${infer Body}}${infer Rest}`
  ? (Body extends `${infer Name}|${string}` ? Name : Body) | PlaceholderNames<Rest>
  : never;

type Part = string | { name: string; one?: string; other?: string };

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^{}]*))?\}/g;

/** Templates parsed once: a catalogue holds a few hundred, each formatted many times. */
const compile = memoize(parseTemplate, { capacity: 2_000 });

function parseTemplate(template: string): readonly Part[] {
  const out: Part[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) out.push(template.slice(at, m.index));
    out.push(m[2] === undefined ? { name: m[1] } : { name: m[1], one: m[2], other: m[3] });
    at = m.index + m[0].length;
  }
  if (at < template.length) out.push(template.slice(at));
  return out;
}

/** The placeholders a template uses, in order of first use. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const p of compile(template)) if (typeof p !== "string" && !names.includes(p.name)) names.push(p.name);
  return names;
}

function isBilingual(v: ParamValue): v is Bilingual<string | number> {
  return typeof v === "object" && v !== null;
}

/** A parameter as the language reads it. */
export function paramText(v: ParamValue, lang: Lang): string {
  return String(isBilingual(v) ? v[lang] : v);
}

/**
 * The template with its placeholders filled in `lang`. A placeholder without a parameter stays as
 * it is written (`{name}`), so a missing one shows instead of printing "undefined".
 */
export function format(template: string, params: Readonly<Params> | undefined, lang: Lang): string {
  const parts = compile(template);
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += p;
    else if (!params || !Object.prototype.hasOwnProperty.call(params, p.name)) out += p.one === undefined ? `{${p.name}}` : `{${p.name}|${p.one}|${p.other}}`;
    else if (p.one !== undefined) out += Number(paramText(params[p.name], lang)) === 1 ? p.one : p.other;
    else out += paramText(params[p.name], lang);
  }
  return out;
}

/** A phrase in both languages, each filled from the same parameters: the piece of a message a rule chooses. */
export function formatBoth(phrase: Bilingual<Template>, params?: Readonly<Params>): Bilingual {
  return { zh: format(phrase.zh, params, "zh"), en: format(phrase.en, params, "en") };
}

/** A catalogue of texts: key -> the text in both languages (templates for `format`). */
export type Catalogue<K extends string = string> = Readonly<Record<K, Bilingual<Template>>>;

/** A catalogue's text for `key` in `lang`, its placeholders filled from `params`. */
export function say<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params?: Readonly<Params>): string {
  return format(catalogue[key][lang], params, lang);
}

/**
 * A locale ("zh-CN", "en-US", "en_GB.UTF-8", "fr-FR", "C") -> the user's language: English for an
 * English locale, Chinese otherwise (Chinese first). The pane and the ribbon ask Office's display
 * language, the CLI the environment (langFromEnv): the same answer everywhere.
 */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^en(?:$|[-_.@])/i.test(locale.trim()) ? "en" : "zh";
}

/**
 * The language the environment asks for, as POSIX reads it: LC_ALL, else LC_MESSAGES, else LANG
 * (an empty variable counts as unset); undefined when none is set.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return locale === undefined ? undefined : langFromLocale(locale);
}
