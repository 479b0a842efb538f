import type { LanguageController } from '@pustaka/core';
import type { messages } from './messages.js';

/** What the render functions of the sub-parts need from the element: its language and the network it sits in. */
export interface View {
  readonly i18n: LanguageController<typeof messages.id>;
  /** The site's own library (`library` attribute), listed first wherever libraries are listed. */
  readonly siteLibrary: string | undefined;
  libraryName(id: string): string;
  /** A format's, theme's or library kind's label in the element's language. */
  label(list: 'format' | 'theme' | 'library_kind', value: string): string;
}

/** A broken cover gives way to the neutral placeholder behind it. */
export const hideBrokenImage = (event: Event) => {
  (event.target as HTMLElement).hidden = true;
};
