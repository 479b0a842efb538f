import type { ReactiveControllerHost } from 'lit';

const duration = 700;

/**
 * @summary A figure that counts up to its new value over 0.7 s, for eyes only (screen readers get the final value
 * from the text beside it); the first figure counts up from 0. Visitors who ask for reduced motion get the value
 * at once.
 */
export class CountUp {
  value: number | undefined;
  #frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  to(target: number): void {
    cancelAnimationFrame(this.#frame);
    const from = this.value ?? 0;
    if (from === target || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.value = target;
      this.host.requestUpdate();
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / duration);
      this.value = Math.round(from + (target - from) * (1 - (1 - progress) ** 3));
      this.host.requestUpdate();
      if (progress < 1) this.#frame = requestAnimationFrame(step);
    };
    this.#frame = requestAnimationFrame(step);
  }

  stop(): void {
    cancelAnimationFrame(this.#frame);
  }
}
