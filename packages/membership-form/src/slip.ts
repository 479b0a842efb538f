import { html, nothing, svg, type TemplateResult } from 'lit';

/** The bars of a Code 128 barcode, from the lazily loaded encoder. */
export interface Barcode {
  path: string;
  width: number;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The pre-registration slip: the reference in large type and as a Code 128 barcode for the counter's scanner,
 * what to bring, and a print button (the styles' `@media print` prints the slip alone, black on white).
 */
export function registrationSlip(
  reference: string,
  barcode: Barcode | undefined,
  t: Translate,
  startAgain: () => void,
): TemplateResult {
  return html`<section class="slip" part="slip" aria-labelledby="slip-title">
    <h2 id="slip-title" tabindex="-1">${t('registered')}</h2>
    <p>${t('reference')}: <strong class="reference" part="reference">${reference}</strong></p>
    ${
      barcode
        ? html`<svg part="barcode" role="img" aria-label=${t('referenceBarcode', { reference })}
            viewBox="0 0 ${barcode.width} 1" preserveAspectRatio="none">${svg`<path d=${barcode.path} />`}</svg>`
        : nothing
    }
    <p>${t('pending')}</p>
    <p>${t('bring')}</p>
    <ul>
      <li>${t('bringSlip')}</li>
      <li>${t('bringId')}</li>
      <li>${t('bringGuardian')}</li>
    </ul>
    <div class="actions">
      <button type="button" @click=${() => print()}>${t('print')}</button>
      <button type="button" @click=${startAgain}>${t('another')}</button>
    </div>
  </section>`;
}
