import type { Language } from './language.js';

/** A value that a message's `{placeholder}` takes: numbers and dates are formatted for the language. */
export type MessageParam = string | number | Date;

/** Number and date formatting in one language, handed to message functions. */
export interface Formatters {
  readonly language: Language;
  /** The BCP 47 locale the formatters use: `id-ID` or `en-GB`. */
  readonly locale: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string;
}

/**
 * One message: a string with `{placeholder}`s, or a function for what a template cannot say (English plurals).
 *
 * @example 'Ditemukan {count} judul'
 * @example ({ count }: { count: number }, f) => `${f.number(count)} ${count === 1 ? 'title' : 'titles'} found`
 */
export type Message = string | ((params: never, format: Formatters) => string);

/** The `{placeholder}` names of a message string. */
export type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never;

/** The parameters a message takes: its placeholders, or its function's first argument. */
export type ParamsOf<M> = M extends string
  ? { [Name in PlaceholderNames<M>]: MessageParam }
  : M extends (params: infer P, format: Formatters) => string
    ? P
    : never;

/** The arguments of `t()` after the key: none for a message without placeholders. */
export type MessageArgs<M> = M extends string
  ? [PlaceholderNames<M>] extends [never]
    ? []
    : [params: ParamsOf<M>]
  : [params: ParamsOf<M>];

/** Indonesian messages first; English must have the same keys and take the same parameters. */
export interface MessageCatalogue<Id extends Record<string, Message> = Record<string, Message>> {
  id: Id;
  en: { [Key in keyof Id]: string | ((params: ParamsOf<Id[Key]>, format: Formatters) => string) };
}

/** Looks a message up in the current language and fills it in. */
export type Translate<Id extends Record<string, Message>> = <Key extends keyof Id & string>(
  key: Key,
  ...args: MessageArgs<Id[Key]>
) => string;

/** BCP 47 locales for our two languages: English dates read day-month, as Indonesian ones do. */
export const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const formatterCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => F): F {
  let formatter = formatterCache.get(key) as F | undefined;
  if (!formatter) formatterCache.set(key, (formatter = create()));
  return formatter;
}

const formattersByLanguage = new Map<Language, Formatters>();

/** Number and date formatters for a language; creating an `Intl` formatter is slow, so they are cached. */
export function formattersFor(language: Language): Formatters {
  let formatters = formattersByLanguage.get(language);
  if (formatters) return formatters;
  const locale = locales[language];
  formatters = {
    language,
    locale,
    number: (value, options) =>
      cached(`n|${locale}|${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(locale, options)).format(
        value,
      ),
    date: (value, options = { dateStyle: 'long' }) =>
      cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options)).format(
        value instanceof Date ? value : new Date(value),
      ),
  };
  formattersByLanguage.set(language, formatters);
  return formatters;
}

/**
 * Checks a catalogue against its Indonesian messages at compile time, keeping their literal text so that `t()`
 * knows each message's placeholders.
 *
 * @example
 * const messages = defineMessages({
 *   id: {
 *     empty: 'Tidak ada hasil untuk "{query}"',
 *     found: ({ count }: { count: number }, f) => `Ditemukan ${f.number(count)} judul`,
 *   },
 *   en: {
 *     empty: 'No results for "{query}"',
 *     found: ({ count }, f) => `${f.number(count)} ${count === 1 ? 'title' : 'titles'} found`,
 *   },
 * });
 * // t('found', { count: 1234 }) is "Ditemukan 1.234 judul" in Indonesian, "1,234 titles found" in English.
 */
export function defineMessages<const Id extends Record<string, Message>>(
  catalogue: MessageCatalogue<Id>,
): MessageCatalogue<Id> {
  return catalogue;
}

/**
 * Fills `{placeholder}`s in a message for one language: numbers through `Intl.NumberFormat`, dates through
 * `Intl.DateTimeFormat` (long date style). A placeholder without a value stays as it is, so a missing parameter
 * shows up instead of vanishing.
 */
export function formatMessage(
  message: Message,
  params: Record<string, unknown> | undefined,
  language: Language,
): string {
  const format = formattersFor(language);
  // `t()` has already checked the parameters against this message's own type (MessageArgs), which `Message`
  // cannot carry (each function has its own): here they are passed on as they came.
  if (typeof message === 'function') return message((params ?? {}) as never, format);
  return message.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => {
    const value = params?.[name];
    if (typeof value === 'number') return format.number(value);
    if (value instanceof Date) return format.date(value);
    return value === undefined || value === null ? placeholder : String(value);
  });
}

/** A `t()` bound to a catalogue, reading the language at each call. English falls back to Indonesian per key. */
export function createTranslator<Id extends Record<string, Message>>(
  catalogue: MessageCatalogue<Id>,
  language: () => Language,
): Translate<Id> {
  return (key, ...args) => {
    const current = language();
    const message = (current === 'en' ? catalogue.en[key] : undefined) ?? catalogue.id[key];
    if (message === undefined) return key;
    return formatMessage(message, args[0] as Record<string, unknown> | undefined, current);
  };
}
