// Helpers for the browser tests. The page's origin serves the REAL Pustaka server under /v1 (fresh demo
// database); the demo credentials come from the test runner (/test/demo-credentials, web-test-runner.config.mjs).
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

export interface DemoCredentials {
  siteKey: string;
  kioskToken: string;
  staffToken: string;
}

let demo: Promise<DemoCredentials> | undefined;
export function credentials(): Promise<DemoCredentials> {
  demo ??= fetch('/test/demo-credentials').then((response) => response.json() as Promise<DemoCredentials>);
  return demo;
}

export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const control = <E extends HTMLElement = HTMLInputElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<E>(`[name="${name}"]`);
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLInputElement | null;
/** The error message of a field (its `aria-describedby` region). */
export const feedback = (el: Element, name: string) => text(el.shadowRoot!.getElementById(`${name}-feedback`));

/** Presses Tab until focus is on the field `name` of the widget: the field is reachable by keyboard. */
export async function tabTo(el: Element, name: string): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    if (focused(el)?.getAttribute('name') === name) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached the field ${name}`);
}

/** Tabs to a text field and types, key by key. */
export async function typeInto(el: Element, name: string, value: string): Promise<void> {
  await tabTo(el, name);
  await sendKeys({ type: value });
}

/** Tabs to a `<select>` and moves to the option `value` with the arrow keys. */
export async function choose(el: Element, name: string, value: string): Promise<void> {
  await tabTo(el, name);
  const select = control<HTMLSelectElement>(el, name)!;
  const target = [...select.options].findIndex((option) => option.value === value);
  if (target < 0) throw new Error(`${name} has no option ${value}`);
  while (select.selectedIndex !== target) {
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
  }
}

/** Tabs to a checkbox and ticks it with the space bar. */
export async function tick(el: Element, name: string): Promise<void> {
  await tabTo(el, name);
  await sendKeys({ press: 'Space' });
}

/** Types a date (`YYYY-MM-DD`) into a native date field, in the segment order of the browser's locale. */
export async function typeDate(el: Element, name: string, iso: string): Promise<void> {
  await tabTo(el, name);
  const [year, month, day] = iso.split('-') as [string, string, string];
  const order = new Intl.DateTimeFormat(navigator.language)
    .formatToParts(new Date(2012, 2, 12))
    .filter((part) => ['day', 'month', 'year'].includes(part.type))
    .map((part) => ({ day, month, year })[part.type as 'day' | 'month' | 'year']);
  await sendKeys({ type: order.join('') });
}

/** Tabs to the send button and presses Enter. */
export async function submitByKeyboard(el: Element): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    if (focused(el)?.getAttribute('type') === 'submit') break;
    await sendKeys({ press: 'Tab' });
  }
  await sendKeys({ press: 'Enter' });
}

/** A fresh NIK for each test (the server allows one live registration per NIK in the network). */
let serial = 100 + Math.floor(Math.random() * 8000);
export function nikFor(birthDate: string, sex: 'female' | 'male'): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const encodedDay = String(Number(day) + (sex === 'female' ? 40 : 0)).padStart(2, '0');
  return `647401${encodedDay}${month}${year.slice(2)}${String(serial++).padStart(4, '0')}`;
}

/** A birth date `years` years and a few days ago, as `YYYY-MM-DD`. */
export function bornYearsAgo(years: number): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() - years);
  date.setDate(date.getDate() - 10);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The pending registrations the staff token sees, from the real server. */
export async function pendingNamed(fullName: string): Promise<{ id: string; reference: string }[]> {
  const { staffToken } = await credentials();
  const response = await fetch('/v1/membership/registrations?status=pending&per_page=100', {
    headers: { authorization: `Bearer ${staffToken}` },
  });
  if (!response.ok) throw new Error(`list registrations: ${response.status}`);
  const { items } = (await response.json()) as { items: { id: string; reference: string; full_name: string }[] };
  return items.filter((item) => item.full_name === fullName);
}

export async function formShown(el: Element): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form never appeared', { timeout: 8000 });
}

/** Sets a field as autofill would (value, then `input` and `change`), for tests about rules rather than keys. */
export function setField(el: Element, name: string, value: string): void {
  const field = control<HTMLInputElement>(el, name);
  if (!field) throw new Error(`no field ${name}`);
  if (field.type === 'checkbox') {
    if ((value === 'granted') !== field.checked) field.click();
    return;
  }
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
