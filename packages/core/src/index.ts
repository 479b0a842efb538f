/**
 * `@pustaka/core`: what every Pustaka widget shares. The base element (`PustakaElement`), safe registration
 * (`defineElement`), the language of an element and its messages (`LanguageController`, `defineMessages`),
 * and the design tokens (`baseStyles`).
 *
 * @example
 * import { PustakaElement, LanguageController, baseStyles, defineElement, defineMessages } from '@pustaka/core';
 */
export { resolveApiBase } from './api-base.js';
export { defineElement } from './define.js';
export { LanguageController, normaliseLanguage, resolveLanguage } from './language.js';
export type { Language } from './language.js';
export { createTranslator, defineMessages, formatMessage, formattersFor, locales } from './messages.js';
export type {
  Formatters,
  Message,
  MessageArgs,
  MessageCatalogue,
  MessageParam,
  ParamsOf,
  Translate,
} from './messages.js';
export { PustakaElement } from './pustaka-element.js';
export type { EventDetail } from './pustaka-element.js';
export { baseStyles, tokenDefaults, tokens } from './tokens.js';
export type { TokenName } from './tokens.js';
export { VERSION } from './version.js';
