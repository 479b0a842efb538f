import type { ResponseViolation } from '@pustaka/server';

/**
 * Collects the answers of a test server that do not match the contract (`buildApp({ checkResponses })`), for
 * a test to fail on. Every server the tests start goes through one: startTestServer does it itself; a test
 * that builds its own app passes `check.record` and calls `check.assertNone()` when it closes the app.
 */
export interface ContractCheck {
  record: (violation: ResponseViolation) => void;
  violations: ResponseViolation[];
  /** Throws, listing every mismatching answer, when there was one. */
  assertNone: () => void;
}

export function contractCheck(): ContractCheck {
  const violations: ResponseViolation[] = [];
  return {
    record: (violation) => void violations.push(violation),
    violations,
    assertNone() {
      if (violations.length) throw new Error(describeViolations(violations));
    },
  };
}

export function describeViolations(violations: ResponseViolation[]): string {
  const lines = violations.map(
    ({ operationId, method, url, status, contentType, problems }) =>
      `  ${method} ${url} (${operationId}) answered ${status} ${contentType}: ${problems.join('; ')}`,
  );
  return `${violations.length} answer(s) did not match the contract (packages/spec/openapi.yaml):\n${lines.join('\n')}`;
}
