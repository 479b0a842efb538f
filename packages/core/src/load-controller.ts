import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { failureOf, type Failure } from './failure.js';
import { failureView } from './failure-view.js';
import { resolveLanguage } from './language.js';

/** Where a load stands: not asked yet (or reset), on its way, answered, or failed (see `failure`). */
export type LoadStatus = 'initial' | 'pending' | 'complete' | 'failed';

/** What `LoadController.render()` shows for each status; a missing `failed` gets the shared failure view. */
export interface LoadRenderers<Result> {
  initial?: () => unknown;
  pending?: () => unknown;
  complete?: (value: Result) => unknown;
  failed?: (failure: Failure) => unknown;
}

export interface LoadOptions<Args extends readonly unknown[], Result> {
  /**
   * Does the work. Pass `signal` on to the client (`client.catalog.search(params, { signal })`): a newer run,
   * `reset()` or the element leaving the page aborts it, so a stale answer never lands.
   */
  load: (args: Args, signal: AbortSignal) => Promise<Result>;
  /** Called with each answer that is still wanted, before the host renders it. */
  onComplete?: (value: Result, args: Args) => void;
}

/** The reason given to the signal when the element leaves the page; its load starts again when it comes back. */
const leftThePage = Symbol('left the page');

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function quietTime(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * @summary Loads data for a widget: cancels stale runs, tracks status, renders pending, answer and failure
 * (the shared failure view with a retry), and knows when the browser is offline.
 *
 * Built on `@lit/task` (its abort of stale runs and host updates), with what every Pustaka widget adds: a
 * failure in plain words instead of an exception, a retry of the last arguments, an optional quiet time before
 * a run (debounce: each keystroke restarts it and cancels the request in flight), a load interrupted by the
 * element leaving the page that resumes when it comes back, and offline detection from `navigator.onLine` and
 * the `online`/`offline` events: a load that failed offline runs again by itself when the connection returns.
 *
 * @example
 * readonly #libraries = new LoadController(this, {
 *   load: ([kind]: [LibraryKind], signal) => this.client.libraries.list({ kind: [kind] }, { signal }),
 * });
 * render() {
 *   return this.#libraries.render({ pending: () => this.i18n.t('loading'), complete: (page) => list(page.items) });
 * }
 * // in an event handler: this.#libraries.run(['school'])
 */
export class LoadController<const Args extends readonly unknown[], Result> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #task: Task<Args, Result>;
  #lastArgs: Args | undefined;
  /** `reset()` was called after the last run: the status is `initial` whatever that run left behind. */
  #reset = true;
  /** A run was cut short by `hostDisconnected()`; `hostConnected()` starts it again. */
  #interrupted = false;
  #online = true;
  /** The quiet time of the run being started, read by the task function as it starts. */
  #quiet = 0;
  /** Decided when the run failed: `online` coming back must not turn an `offline` failure into another. */
  #failure: Failure | undefined;
  readonly #onConnectionChange = () => {
    const wasOffline = !this.#online;
    this.#online = navigator.onLine;
    if (wasOffline && this.#online && this.failure === 'offline') void this.retry();
    else this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, options: LoadOptions<Args, Result>) {
    this.#host = host;
    const { load, onComplete } = options;
    this.#task = new Task<Args, Result>(host, {
      autoRun: false,
      task: async (args, { signal }) => {
        const quiet = this.#quiet;
        try {
          if (quiet) await quietTime(quiet, signal);
          return await load(args, signal);
        } catch (error) {
          // The signal's reason, whatever the client made of the abort: `status` recognises `leftThePage`.
          if (signal.aborted) throw signal.reason;
          this.#failure = failureOf(error);
          throw error;
        }
      },
      ...(onComplete && { onComplete: (value: Result) => onComplete(value, this.#lastArgs!) }),
    });
    host.addController(this);
  }

  /** Where the last run stands. */
  get status(): LoadStatus {
    if (this.#reset) return 'initial';
    switch (this.#task.status) {
      case TaskStatus.PENDING:
        return 'pending';
      case TaskStatus.COMPLETE:
        return 'complete';
      case TaskStatus.ERROR:
        if (this.#task.error === leftThePage) return 'pending';
        return 'failed';
      default:
        return 'initial';
    }
  }

  /** The last answer, while the status is `complete`. */
  get value(): Result | undefined {
    return this.status === 'complete' ? this.#task.value : undefined;
  }

  /** Why the last run failed, in the words of `failureOf()`, while the status is `failed`. */
  get failure(): Failure | undefined {
    return this.status === 'failed' ? this.#failure : undefined;
  }

  /** The raw error of the last run, while the status is `failed`: a form maps a problem's `errors[]` from it. */
  get error(): unknown {
    return this.status === 'failed' ? this.#task.error : undefined;
  }

  /** Whether the browser says it has a network (`navigator.onLine`, kept current by its events). */
  get online(): boolean {
    return this.#online;
  }

  /**
   * Runs the load with `args`, cancelling a run still on its way. With `quiet` (ms), the request waits that long
   * first, and a run started meanwhile replaces it without any request having been sent.
   *
   * @returns a promise that settles when this run has ended (answered, failed or replaced); it never rejects.
   */
  run(args: Args, { quiet = 0 }: { quiet?: number } = {}): Promise<void> {
    this.#lastArgs = args;
    this.#reset = this.#interrupted = false;
    this.#quiet = quiet;
    return this.#task.run(args);
  }

  /** Runs the last arguments again (the retry button). Does nothing before the first run. */
  retry(): Promise<void> {
    return this.#lastArgs ? this.run(this.#lastArgs) : Promise.resolve();
  }

  /** Back to `initial`, cancelling a run on its way: a search box emptied goes back to its start screen. */
  reset(): void {
    this.#reset = true;
    this.#interrupted = false;
    this.#task.abort();
    this.#host.requestUpdate();
  }

  /**
   * The template of the current status. Without a `failed` renderer, failures get the shared failure view in
   * the element's language, with a retry button that runs the last arguments again.
   */
  render(renderers: LoadRenderers<Result>): unknown {
    switch (this.status) {
      case 'pending':
        return renderers.pending?.();
      case 'complete':
        return renderers.complete?.(this.#task.value as Result);
      case 'failed': {
        const failure = this.failure!;
        return renderers.failed
          ? renderers.failed(failure)
          : failureView(failure, resolveLanguage(this.#host), () => void this.retry());
      }
      default:
        return renderers.initial?.();
    }
  }

  hostConnected(): void {
    this.#online = navigator.onLine;
    addEventListener('online', this.#onConnectionChange);
    addEventListener('offline', this.#onConnectionChange);
    if (this.#interrupted) void this.retry();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#onConnectionChange);
    removeEventListener('offline', this.#onConnectionChange);
    if (this.status !== 'pending') return;
    this.#interrupted = true;
    this.#task.abort(leftThePage);
  }
}
