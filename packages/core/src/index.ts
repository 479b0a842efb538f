/**
 * `@pustaka/core`: what every Pustaka widget shares. The base element (`PustakaElement`), safe registration
 * (`defineElement`), the language of an element and its messages (`LanguageController`, `defineMessages`),
 * the design tokens (`baseStyles`) and native controls drawn with them (`controlStyles`), the failures of API
 * calls in plain words (`failureOf`, `failureMessages`, `failureView`), loading data with abort, status, retry and
 * offline detection (`LoadController`), the form kit (validators, `FormController`), and the network's libraries
 * by id (`libraryDirectory`).
 *
 * @example
 * import { PustakaElement, LanguageController, baseStyles, defineElement, defineMessages } from '@pustaka/core';
 */
export { PustakaSetupError, resolveApiBase } from './api-base.js';
export { controlStyles } from './controls.js';
export { defineElement } from './define.js';
export { failureMessages, failureOf } from './failure.js';
export type { Failure } from './failure.js';
export { failureView } from './failure-view.js';
export { LanguageController, normaliseLanguage, resolveLanguage } from './language.js';
export { FormController } from './form-controller.js';
export type { FieldSpec, FormOptions } from './form-controller.js';
export { libraryDirectory } from './libraries.js';
export { LoadController } from './load-controller.js';
export type { LoadOptions, LoadRenderers, LoadStatus } from './load-controller.js';
export type { Language } from './language.js';
export { createTranslator, defineMessages, formatMessage, formattersFor, locales } from './messages.js';
export type {
  Formatters,
  Message,
  MessageArgs,
  MessageCatalogue,
  MessageParam,
  ParamsOf,
  PlaceholderNames,
  Translate,
} from './messages.js';
export { PustakaElement } from './pustaka-element.js';
export type { EventDetail } from './pustaka-element.js';
export { baseStyles, tokenDefaults, tokens } from './tokens.js';
export type { TokenName } from './tokens.js';
export { formMessages, maxLength, minLength, pattern, required, validator, validatorMessage } from './validators.js';
export type { Validator, ValidatorMessage } from './validators.js';
export { VERSION } from './version.js';
