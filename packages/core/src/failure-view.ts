import { html, nothing, type TemplateResult } from 'lit';
import { failureMessages, type Failure } from './failure.js';
import type { Language } from './language.js';
import { createTranslator } from './messages.js';

/**
 * The failure of a load in plain words, with a retry button when a retry can help (never for `setup`): the same
 * sentence, markup and parts in every widget. `role="alert"` makes screen readers say it at once, since it
 * replaces what the visitor was waiting for. Style it through `.message` in the widget's styles.
 *
 * @example
 * failureView('unreachable', this.i18n.language, () => this.search.retry())
 */
export function failureView(failure: Failure, language: Language, retry?: () => void): TemplateResult {
  const t = createTranslator(failureMessages, () => language);
  return html`<div class="message" part="message" role="alert">
    <p>${t(failure)}</p>
    ${
      retry && failure !== 'setup'
        ? html`<button type="button" part="retry" @click=${retry}>${t('retry')}</button>`
        : nothing
    }
  </div>`;
}
