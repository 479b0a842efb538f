// Compile-time checks of the message helper's types: `npm run typecheck` fails when one of them breaks.
import { defineMessages, LanguageController, PustakaElement } from '../src/index.js';

const messages = defineMessages({
  id: {
    title: 'Cari koleksi',
    greeting: 'Halo, {name}! Ada {count} buku.',
    found: ({ count }: { count: number }) => `Ditemukan ${count} judul`,
  },
  en: {
    title: 'Search',
    greeting: 'Hello, {name}! {count} books.',
    found: ({ count }, f) => `${f.number(count)} found`,
  },
});

// @ts-expect-error English must have every key of Indonesian.
defineMessages({ id: { title: 'Cari' }, en: {} });

declare const host: PustakaElement;
const i18n = new LanguageController(host, messages);

i18n.t('title');
i18n.t('greeting', { name: 'Sari', count: 3 });
i18n.t('found', { count: 2 });
// @ts-expect-error a message with placeholders needs its parameters.
i18n.t('greeting');
// @ts-expect-error every placeholder needs a value.
i18n.t('greeting', { name: 'Sari' });
// @ts-expect-error a function message takes its own parameter type.
i18n.t('found', { count: 'two' });
// @ts-expect-error unknown keys are rejected.
i18n.t('missing');
// @ts-expect-error a message without placeholders takes no parameters.
i18n.t('title', { name: 'Sari' });

const language: 'id' | 'en' = i18n.language;
void language;
