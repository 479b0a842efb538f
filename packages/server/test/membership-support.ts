import { issueCredential } from '@pustaka/server';
import type { TestServer } from '../../../test/support/server.js';

export const ORIGIN = 'http://localhost:8123';

/** A NIK of Bontang (6474 01) for a birth date and sex, with a serial; valid by construction. */
export function nikFor(birthDate: string, sex: 'female' | 'male', serial: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = Number(d) + (sex === 'female' ? 40 : 0);
  return `647401${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** An adult's registration for the city library's card; `overrides` replace whole fields. */
export function adult(serial: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    member_type: 'umum',
    library_id: 'dispusip-bontang',
    full_name: `Budi Santoso ${serial}`,
    nik: nikFor('1990-03-12', 'male', serial),
    birth_date: '1990-03-12',
    sex: 'male',
    phone: `0812-3456-${String(serial).padStart(4, '0')}`,
    address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
    consents: [{ id: 'card', version: '2026-11-01', granted: true }],
    ...overrides,
  };
}

/** A pupil of SMP Negeri 2 Bontang, a minor, with a parent's consent. */
export function pupil(serial: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return adult(serial, {
    member_type: 'pelajar',
    full_name: `Rina Lestari ${serial}`,
    nik: nikFor('2012-03-12', 'female', serial),
    birth_date: '2012-03-12',
    sex: 'female',
    education_level: 'SMP',
    institution_id: 'smpn-2-bontang',
    class_or_faculty: '8B',
    guardian: { name: 'Siti Aminah', relation: 'parent', phone: '081298765432', consent: true },
    ...overrides,
  });
}

/** Calls of the membership API as a site and as staff; `onAnswer` sees every answer (the canary test). */
export function api(server: TestServer, onAnswer?: (method: string, path: string, text: string) => void) {
  const siteKey = server.demoCredentials.siteKey;
  const staff = server.demoCredentials.staffToken;
  let formToken: string | undefined;
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(server.url + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    onAnswer?.(method, path, text);
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
  };
  return {
    call,
    async form(query = '') {
      return call('GET', `/v1/membership/form${query}`);
    },
    async freshToken() {
      formToken = (await call('GET', '/v1/membership/form')).json.anti_spam.form_token;
      return formToken!;
    },
    register(body: Record<string, unknown>, key?: string, extraHeaders: Record<string, string> = {}) {
      return call('POST', '/v1/membership/registrations', {
        body: { form_token: formToken, ...body },
        headers: { 'x-pustaka-key': siteKey, origin: ORIGIN, ...(key && { 'idempotency-key': key }), ...extraHeaders },
      });
    },
    staff(method: string, path: string, body?: unknown, token = staff) {
      return call(method, path, { body, headers: { authorization: `Bearer ${token}` } });
    },
    async libraryStaffToken(libraryId: string) {
      return (await issueCredential(server.stores, { kind: 'staff', libraryId, label: `staff ${libraryId}` }, 'test'))
        .key;
    },
  };
}
