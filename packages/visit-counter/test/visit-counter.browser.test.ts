import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createPustakaClient } from '@pustaka/client';
import { PustakaVisitCounter } from '../src/index.js';
import { trackPageView } from '../src/track.js';
import { demoKeys, part, recordGuest, serverStats, TestVisitCounter, text } from './support.js';

const api = location.origin;
const digits = (value: string) => Number(value.replace(/\D/g, ''));

/** The figure a screen reader reads (the animated one beside it is for eyes only). */
const total = (el: Element) => digits(text(part(el, 'total')!.querySelector('.visually-hidden')));

async function loaded(el: PustakaVisitCounter) {
  await waitUntil(() => /\d/.test(text(part(el, 'updated'))), 'the figures did not load', { timeout: 8000 });
  return el;
}

describe('<pustaka-visit-counter> display', () => {
  afterEach(async () => {
    document.documentElement.lang = 'id';
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('registers its tag and carries the version of its package.json', async () => {
    expect(customElements.get('pustaka-visit-counter') === PustakaVisitCounter, 'the tag is ours').to.equal(true);
    const manifest = (await (await fetch('/packages/visit-counter/package.json')).json()) as { version: string };
    expect(PustakaVisitCounter.version).to.equal(manifest.version);
  });

  it('shows the figures the server recorded for a library today, with the breakdown, and is accessible', async () => {
    await recordGuest('SMPN 2 Bontang');
    await recordGuest('SMPN 3 Bontang');
    const expected = await serverStats('library=dispusip-bontang&period=today');
    expect(expected.guests, 'the two guests are in the oracle').to.be.at.least(2);
    const el = await loaded(
      await fixture<PustakaVisitCounter>(
        html`<pustaka-visit-counter api=${api} library="dispusip-bontang" period="today" breakdown></pustaka-visit-counter>`,
      ),
    );
    expect(text(part(el, 'label'))).to.equal('Kunjungan hari ini');
    expect(total(el)).to.equal(expected.total);
    const breakdown = [...part(el, 'breakdown')!.querySelectorAll('dd')].map((dd) => digits(text(dd)));
    expect(breakdown).to.deep.equal([expected.members, expected.guests, expected.group_people]);
    expect(digits(text(part(el, 'web')))).to.equal(expected.web_visits);
    await expect(el).to.be.accessible();
  });

  it('draws the last 30 days as an SVG with a text alternative and a table for screen readers', async () => {
    const expected = await serverStats('library=dispusip-bontang&period=month&chart=30d');
    const el = await loaded(
      await fixture<PustakaVisitCounter>(
        html`<pustaka-visit-counter api=${api} library="dispusip-bontang" chart></pustaka-visit-counter>`,
      ),
    );
    const chart = part(el, 'chart')!;
    expect(chart.querySelectorAll('rect').length).to.equal(30);
    expect(chart.querySelector('svg')!.getAttribute('role')).to.equal('img');
    expect(chart.querySelector('svg')!.getAttribute('aria-label')).to.contain('30 hari terakhir');
    const cells = [...chart.querySelectorAll('tr td')].map((cell) => digits(text(cell)));
    expect(cells).to.deep.equal(expected.chart!.points.map((point) => point.total));
    await expect(el).to.be.accessible();
  });

  it('keeps its size while loading: nothing moves when the figures arrive', async () => {
    const el = document.createElement('test-visit-counter');
    let release!: () => void;
    el.hold = new Promise<void>((resolve) => (release = resolve));
    el.setAttribute('api', api);
    el.setAttribute('breakdown', '');
    el.setAttribute('chart', '');
    const box = await fixture(html`<div style="width: 20rem">${el}</div>`);
    await el.updateComplete;
    const before = el.getBoundingClientRect().height;
    expect(text(part(el, 'total'))).to.contain('–');
    release();
    await loaded(el);
    expect(el.getBoundingClientRect().height).to.equal(before);
    box.remove();
  });

  it('shows the final figure at once when the visitor prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await loaded(
      await fixture<PustakaVisitCounter>(
        html`<pustaka-visit-counter api=${api} library="dispusip-bontang" period="year"></pustaka-visit-counter>`,
      ),
    );
    const shown = digits(text(part(el, 'total')!.querySelector('[aria-hidden]')));
    expect(shown).to.equal(total(el));
  });

  it('counts up to the figure when motion is welcome', async () => {
    await recordGuest('SDN 001 Bontang');
    const el = await loaded(
      await fixture<PustakaVisitCounter>(
        html`<pustaka-visit-counter api=${api} library="dispusip-bontang" period="all"></pustaka-visit-counter>`,
      ),
    );
    const animated = () => digits(text(part(el, 'total')!.querySelector('[aria-hidden]')));
    expect(animated(), 'starts below the figure').to.be.below(total(el));
    await waitUntil(() => animated() === total(el), 'the animation did not reach the figure');
  });

  it('refreshes after `refresh` seconds while the page is visible', async () => {
    const el = await fixture<TestVisitCounter>(
      html`<test-visit-counter api=${api} library="dispusip-bontang" period="today" refresh="1"></test-visit-counter>`,
    );
    await loaded(el);
    const before = total(el);
    await recordGuest('SMKN 1 Bontang');
    await waitUntil(() => total(el) === before + 1, 'the figure was not refreshed', { timeout: 5000 });
    expect(el.requests.filter((request) => request.url.includes('/v1/visits/stats')).length).to.be.at.least(2);
  });

  it('speaks English on an English page', async () => {
    document.documentElement.lang = 'en';
    const el = await loaded(
      await fixture<PustakaVisitCounter>(
        html`<pustaka-visit-counter api=${api} library="dispusip-bontang" period="week" breakdown chart></pustaka-visit-counter>`,
      ),
    );
    expect(text(part(el, 'label'))).to.equal('Visits this week');
    expect(text(part(el, 'breakdown'))).to.contain('Guests');
    expect(text(part(el, 'chart'))).to.contain('Visits per day, last 30 days');
    await expect(el).to.be.accessible();
  });

  it('says so when the server cannot be reached, with a retry', async () => {
    const el = await fixture<TestVisitCounter>(html`<test-visit-counter api=${api}></test-visit-counter>`);
    el.offline = true;
    el.library = 'sman-1-bontang';
    await waitUntil(() => part(el, 'message'), 'no message', { timeout: 8000 });
    expect(text(part(el, 'message'))).to.contain('Server perpustakaan tidak dapat dihubungi');
    await expect(el).to.be.accessible();
    el.offline = false;
    part(el, 'retry')!.click();
    await loaded(el);
  });
});

describe('<pustaka-visit-counter mode="impact">', () => {
  it('shows visits this year, members, works and the trend, as the server counts them', async () => {
    const response = await fetch('/v1/visits/impact?library=dispusip-bontang');
    const expected = (await response.json()) as {
      visits_this_year: number;
      members: number;
      works: number;
      card_holders?: number;
    };
    const el = await fixture<PustakaVisitCounter>(
      html`<pustaka-visit-counter api=${api} mode="impact" library="dispusip-bontang"></pustaka-visit-counter>`,
    );
    await waitUntil(() => part(el, 'impact'), 'the card did not load', { timeout: 8000 });
    const figures = [...part(el, 'impact')!.querySelectorAll('dd')].map((dd) => digits(text(dd)));
    // Card holders from the library's institution show only when there are some.
    const holders = expected.card_holders ? [expected.card_holders] : [];
    expect(figures).to.deep.equal([expected.visits_this_year, expected.members, expected.works, ...holders]);
    expect(text(part(el, 'trend'))).to.match(/tahun lalu/);
    await expect(el).to.be.accessible();
  });
});

describe('<pustaka-visit-counter track>', () => {
  it('sends one web visit per page load, saying whether the browser is automated, and stores nothing', async () => {
    const { site_key } = await demoKeys();
    const cookies = document.cookie;
    const stored = localStorage.length + sessionStorage.length;
    const first = await fixture<TestVisitCounter>(
      html`<test-visit-counter api=${api} site-key=${site_key} track library="sman-1-bontang"></test-visit-counter>`,
    );
    const second = await fixture<TestVisitCounter>(
      html`<test-visit-counter api=${api} site-key=${site_key} track library="sman-1-bontang"></test-visit-counter>`,
    );
    await loaded(first);
    await loaded(second);
    const web = [...first.requests, ...second.requests].filter((request) => request.url.endsWith('/v1/visits/web'));
    expect(web.length, 'one web visit for the page').to.equal(1);
    expect(await web[0]!.json()).to.deep.equal({ automated: navigator.webdriver === true });
    expect(document.cookie).to.equal(cookies);
    expect(localStorage.length + sessionStorage.length).to.equal(stored);
  });

  it('counts a page view once however often the page is reloaded, and an automated browser never', async () => {
    const { site_key } = await demoKeys();
    const client = createPustakaClient({ baseUrl: api, siteKey: site_key });
    const web = async () => (await serverStats('library=sman-1-bontang&period=today')).web_visits;
    const before = await web();
    const asBrowser = (webdriver: boolean) =>
      Object.defineProperty(navigator, 'webdriver', { value: webdriver, configurable: true });
    try {
      // Each scope stands for one page load: the module that remembers what it counted starts afresh on a reload.
      asBrowser(true);
      await trackPageView(client, 'load-by-a-bot');
      expect(await web(), 'an automated browser is not counted').to.equal(before);
      asBrowser(false);
      await trackPageView(client, 'first-load');
      expect(await web(), 'a person is counted').to.equal(before + 1);
      await trackPageView(client, 'reload');
      expect(await web(), 'a reload is not counted again').to.equal(before + 1);
    } finally {
      delete (navigator as { webdriver?: boolean }).webdriver;
    }
  });
});
