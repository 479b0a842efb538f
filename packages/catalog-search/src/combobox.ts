import type { SuggestionList } from '@pustaka/client';
import type { Translate } from '@pustaka/core';
import { html, nothing } from 'lit';
import type { messages } from './messages.js';

export type Suggestion = SuggestionList['items'][number];

/**
 * Where the active option of the WAI-ARIA combobox goes on ArrowDown / ArrowUp: the next or previous option,
 * wrapping round.
 */
export function moveActive(key: string, active: number, count: number): number {
  return key === 'ArrowDown' ? (active + 1) % count : active <= 0 ? count - 1 : active - 1;
}

export const optionId = (index: number) => `option-${index}`;

/**
 * The listbox of the combobox: titles and authors, the active one marked for `aria-activedescendant`. Options
 * keep the focus in the box when pressed (mousedown), then pick on click.
 */
export function suggestionList(
  items: readonly Suggestion[],
  open: boolean,
  active: number,
  t: Translate<typeof messages.id>,
  accept: (item: Suggestion) => void,
) {
  return html`<ul id="suggestions" role="listbox" part="suggestions" aria-label=${t('suggestions')} ?hidden=${!open}>
    ${
      open
        ? items.map(
            (item, index) =>
              html`<li id=${optionId(index)} role="option" part="suggestion" aria-selected=${index === active}
              @mousedown=${(event: Event) => event.preventDefault()} @click=${() => accept(item)}>
              ${item.text} <span class="muted">${t(item.kind)}</span>
            </li>`,
          )
        : nothing
    }
  </ul>`;
}
