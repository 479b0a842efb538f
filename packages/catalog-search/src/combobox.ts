import type { SuggestionList } from '@pustaka/client';
import { html, nothing } from 'lit';

export type Suggestion = SuggestionList['items'][number];

/**
 * Where the active option of the WAI-ARIA combobox goes on ArrowDown / ArrowUp: the next or previous option,
 * wrapping round; from none, the first or the last.
 */
export function moveActive(key: string, active: number, count: number): number {
  if (key === 'ArrowDown') return active + 1 >= count ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}

export const optionId = (index: number) => `option-${index}`;

/** The listbox of the combobox: titles and authors, the active one marked for `aria-activedescendant`. */
export function suggestionList(
  items: readonly Suggestion[],
  open: boolean,
  active: number,
  labels: { list: string; title: string; author: string },
  accept: (item: Suggestion) => void,
) {
  return html`<ul id="suggestions" role="listbox" part="suggestions" aria-label=${labels.list} ?hidden=${!open}>
    ${open
      ? items.map(
          (item, index) =>
            html`<li
              id=${optionId(index)}
              role="option"
              part="suggestion"
              aria-selected=${index === active ? 'true' : 'false'}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => accept(item)}
            >
              <span>${item.text}</span>
              <span class="kind">${item.kind === 'author' ? labels.author : labels.title}</span>
            </li>`,
        )
      : nothing}
  </ul>`;
}
