import { expect } from '@open-wc/testing';
import { defineElement } from '../src/index.js';

/** Replaces console.warn while `run` runs, returning what it was called with. */
function captureWarnings(run: () => void): unknown[][] {
  const calls: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void calls.push(args);
  try {
    run();
  } finally {
    console.warn = original;
  }
  return calls;
}

/** A fresh class each call, as a second copy of a script would bring. */
function elementClass() {
  return class extends HTMLElement {};
}

describe('defineElement', () => {
  it('registers a tag that is free', () => {
    const Element = elementClass();
    defineElement('pustaka-define-free', Element, '1.0.0');
    expect(customElements.get('pustaka-define-free')).to.equal(Element);
  });

  it('skips in silence when the same version registers the tag again (a script pasted twice)', () => {
    const First = elementClass();
    const warnings = captureWarnings(() => {
      defineElement('pustaka-define-twice', First, '1.0.0');
      expect(() => defineElement('pustaka-define-twice', elementClass(), '1.0.0')).not.to.throw();
      expect(() => defineElement('pustaka-define-twice', First, '1.0.0')).not.to.throw();
    });
    expect(warnings).to.have.length(0);
    expect(customElements.get('pustaka-define-twice')).to.equal(First);
  });

  it('keeps the first version and warns once, naming both, when another version registers the tag', () => {
    const First = elementClass();
    const warnings = captureWarnings(() => {
      defineElement('pustaka-define-versions', First, '1.0.0');
      expect(() => defineElement('pustaka-define-versions', elementClass(), '2.0.0')).not.to.throw();
    });
    expect(warnings).to.have.length(1);
    const message = String(warnings[0]?.[0]);
    expect(message).to.contain('<pustaka-define-versions>');
    expect(message).to.contain('1.0.0');
    expect(message).to.contain('2.0.0');
    expect(customElements.get('pustaka-define-versions')).to.equal(First);
  });

  it('reads the static version of an element registered without defineElement()', () => {
    const Foreign = class extends HTMLElement {
      static version = '0.9.0';
    };
    customElements.define('pustaka-define-foreign', Foreign);
    const warnings = captureWarnings(() => defineElement('pustaka-define-foreign', elementClass(), '1.0.0'));
    expect(String(warnings[0]?.[0])).to.contain('0.9.0').and.to.contain('1.0.0');
    expect(captureWarnings(() => defineElement('pustaka-define-foreign', elementClass(), '0.9.0'))).to.have.length(0);
  });
});
