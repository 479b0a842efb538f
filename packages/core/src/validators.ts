import type { Language } from './language.js';
import { defineMessages, formatMessage, type MessageParam, type PlaceholderNames } from './messages.js';

/**
 * What the form kit says, Indonesian first. `{fieldName}` is the field's label in the same language; the other
 * placeholders are the validator's parameters.
 */
export const formMessages = defineMessages({
  id: {
    required: '{fieldName} wajib diisi.',
    minLength: '{fieldName} paling sedikit {min} karakter.',
    maxLength: '{fieldName} paling banyak {max} karakter.',
    pattern: 'Format {fieldName} tidak sesuai.',
    invalid: '{fieldName} tidak valid.',
    summary: ({ count }: { count: number }, f) => `Ada ${f.number(count)} isian yang perlu diperbaiki:`,
  },
  en: {
    required: '{fieldName} is required.',
    minLength: '{fieldName} must be at least {min} characters.',
    maxLength: '{fieldName} must be at most {max} characters.',
    pattern: '{fieldName} is not in the expected format.',
    invalid: '{fieldName} is not valid.',
    summary: ({ count }, f) => `${f.number(count)} ${count === 1 ? 'field needs' : 'fields need'} correcting:`,
  },
});

/**
 * A validator's own sentence in both languages, replacing its default. Its `{placeholders}` may only be those
 * the validator fills in (`Allowed`): the compiler rejects a message naming any other.
 */
export interface ValidatorMessage<Allowed extends string = string> {
  id: string;
  en: string;
  /** Only here for the compiler: the placeholders this message may use. */
  readonly allowed?: Allowed;
}

/** Checks an override's placeholders against those the validator fills in: `never` (an error) for any other. */
type Checked<Allowed extends string, Id extends string, En extends string> = [
  PlaceholderNames<Id> | PlaceholderNames<En>,
] extends [Allowed]
  ? ValidatorMessage<Allowed> & { id: Id; en: En }
  : never;

/**
 * One rule of a field, as a small object (Lion's validators): a stable `code` (the same as the server's field
 * error codes, so a problem's `errors[]` finds the same sentence), the parameters its message shows, a test,
 * and an optional message of its own.
 */
export interface Validator {
  /** `required`, `minLength`, `maxLength`, `pattern`, or a custom one (`phone`). */
  readonly code: string;
  /** Filled into the message beside `{fieldName}`: `{ min: 3 }`. */
  readonly params?: Record<string, MessageParam>;
  /** True when `value` breaks the rule. Rules other than `required` let an empty value pass. */
  isInvalid(value: string): boolean;
  /** Replaces the default sentence of `code`. */
  readonly message?: ValidatorMessage | undefined;
}

/** The sentence of a broken rule in `language`, `{fieldName}` and the validator's parameters filled in. */
export function validatorMessage(
  validator: Pick<Validator, 'code' | 'params' | 'message'>,
  fieldName: string,
  language: Language,
): string {
  const catalogue = formMessages[language] as Record<string, string | undefined>;
  const text = validator.message?.[language] ?? catalogue[validator.code] ?? catalogue.invalid!;
  return formatMessage(text, { ...validator.params, fieldName }, language);
}

/** The value may not be empty (spaces alone count as empty). */
export function required<const Id extends string, const En extends string>(
  message?: Checked<'fieldName', Id, En>,
): Validator {
  return { code: 'required', message, isInvalid: (value) => value.trim() === '' };
}

/** At least `min` characters. */
export function minLength<const Id extends string, const En extends string>(
  min: number,
  message?: Checked<'fieldName' | 'min', Id, En>,
): Validator {
  return { code: 'minLength', params: { min }, message, isInvalid: (value) => value !== '' && value.length < min };
}

/** At most `max` characters. */
export function maxLength<const Id extends string, const En extends string>(
  max: number,
  message?: Checked<'fieldName' | 'max', Id, En>,
): Validator {
  return { code: 'maxLength', params: { max }, message, isInvalid: (value) => value.length > max };
}

/** The whole value matches `regex` (anchored for you: `/\d+/` means digits only). */
export function pattern<const Id extends string, const En extends string>(
  regex: RegExp,
  message?: Checked<'fieldName', Id, En>,
): Validator {
  const whole = new RegExp(`^(?:${regex.source})$`, regex.flags.replace(/[gy]/g, ''));
  return { code: 'pattern', message, isInvalid: (value) => value !== '' && !whole.test(value) };
}

/**
 * A rule of your own: its code, a test that returns true for a valid value, and its sentence in both languages.
 *
 * @example
 * const phone = validator('phone', (value) => /^08\d{8,11}$/.test(value), {
 *   id: '{fieldName} harus nomor ponsel, mis. 0812...', en: '{fieldName} must be a mobile number, e.g. 0812...',
 * });
 */
export function validator<const Id extends string, const En extends string>(
  code: string,
  isValid: (value: string) => boolean,
  message: Checked<'fieldName', Id, En>,
): Validator {
  return { code, message, isInvalid: (value) => value !== '' && !isValid(value) };
}
