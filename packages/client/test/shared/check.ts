/**
 * The few assertions the shared suites need. They run in Node (node:test) and in Chromium (mocha), so they can
 * use neither node:assert nor chai; each failure names what was expected.
 */

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Check failed: ${message}`);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`Check failed: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

export function checkSameList<T>(actual: readonly T[], expected: readonly T[], what: string): void {
  checkEqual(JSON.stringify(actual), JSON.stringify(expected), what);
}

/** Awaits a promise that must reject, and answers its reason. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`Check failed: ${what} resolved, expected it to reject`);
}

/** Answers the reason if it is an instance of `type`, and fails naming what it was otherwise. */
export function instanceOf<T>(value: unknown, type: abstract new (...args: never[]) => T, what: string): T {
  if (value instanceof type) return value;
  const name = (value as Error | undefined)?.name ?? typeof value;
  throw new Error(`Check failed: ${what} is a ${name} (${String(value)}), expected a ${type.name}`);
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
