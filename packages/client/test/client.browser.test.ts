import { expect } from '@open-wc/testing';
import { createPustakaClient, PustakaNetworkError } from '../src/index.js';
import { callerCodeCases } from './shared/caller-code.cases.js';
import { faultCases } from './shared/fault.cases.js';
import { realServerCases } from './shared/real-server.cases.js';
import { requestCases } from './shared/request.cases.js';

describe('@pustaka/client against the real server (Chromium)', () => {
  for (const { name, run } of realServerCases(() => location.origin)) it(name, run);
  for (const { name, run } of requestCases(() => location.origin)) it(name, run);
  for (const { name, run } of callerCodeCases(() => location.origin)) it(name, run);
});

describe('@pustaka/client faults (Chromium)', () => {
  for (const { name, run } of faultCases) it(name, run);
});

describe('@pustaka/client in the browser', () => {
  it('an address the browser refuses to fetch rejects with PustakaNetworkError', async () => {
    // Port 1 is on the browser's list of unsafe ports: fetch fails without any request leaving.
    const client = createPustakaClient({ baseUrl: 'http://127.0.0.1:1', retry: 0 });
    const error = await client.libraries.list().catch((reason: unknown) => reason);
    expect(error).to.be.instanceOf(PustakaNetworkError);
    expect((error as PustakaNetworkError).kind).to.equal('network');
    expect((error as PustakaNetworkError).cause).to.be.instanceOf(TypeError);
  });

  it('works with the page origin as baseUrl, including a trailing slash', async () => {
    const health = await createPustakaClient({ baseUrl: `${location.origin}/` }).system.health();
    expect(health.status).to.equal('ok');
  });
});
