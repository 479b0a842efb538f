// The consumer's page: imports every widget package (src/widgets.ts, written by the test), puts each element in
// the page, and reports what the browser registered for the test to compare with the shipped manifests.
import { tags } from './widgets.js';

interface Registered {
  tag: string;
  observedAttributes: string[];
  rendered: boolean;
}

declare global {
  interface Window {
    consumerReport?: Registered[] | { error: string };
  }
}

async function report(): Promise<Registered[]> {
  const main = document.getElementById('widgets')!;
  return Promise.all(
    tags.map(async (tag) => {
      const element = document.createElement(tag);
      // A server that does not exist: the widget shows its failure state, which is rendering too.
      element.setAttribute('api', 'http://127.0.0.1:9/');
      main.append(element);
      const constructor = await customElements.whenDefined(tag);
      await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      return {
        tag,
        observedAttributes: [
          ...((constructor as unknown as { observedAttributes: string[] }).observedAttributes ?? []),
        ],
        rendered: (element.shadowRoot?.childElementCount ?? 0) > 0,
      };
    }),
  );
}

report().then(
  (registered) => (window.consumerReport = registered),
  (error: unknown) => (window.consumerReport = { error: String(error) }),
);
