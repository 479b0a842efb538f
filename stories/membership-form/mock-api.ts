// Stories only: a stand-in for the membership part of the Pustaka API, answering the contract's shapes (typed from
// the generated contract, so a change there fails the typecheck here). The browser tests use the real server.
// Each story picks its behaviour through the widget's `api` attribute:
//   https://anggota.mock       answers normally (after `latency` ms)
//   https://lambat.mock        never answers (the loading state)
//   https://galat.mock         the form loads, the registration answers 500 problem+json
//   https://ganda.mock         the form loads, the registration answers 409 duplicate_registration
//   https://luring.mock        the network fails (the unreachable state)
import type {
  ApprovedMember,
  PustakaClient,
  MembershipForm,
  ProblemCode,
  Registration,
  RegistrationList,
  RegistrationReceipt,
} from '@pustaka/client';

export const mockApi = {
  ok: 'https://anggota.mock',
  slow: 'https://lambat.mock',
  error: 'https://galat.mock',
  duplicate: 'https://ganda.mock',
  offline: 'https://luring.mock',
} as const;

export const mockSettings = { latency: 150 };

const consentTexts = {
  id: {
    card: 'Saya setuju data saya dipakai untuk menerbitkan dan mengelola kartu anggota perpustakaan.',
    news: 'Saya mau menerima kabar kegiatan perpustakaan lewat WhatsApp atau e-mail.',
    stats: 'Data sekolah dan jenjang saya boleh dipakai untuk statistik keanggotaan tanpa nama.',
  },
  en: {
    card: 'I agree that my data is used to issue and manage my library card.',
    news: "I'd like news of library events by WhatsApp or e-mail.",
    stats: 'My school and level may be used for membership statistics without my name.',
  },
};

export function formDefinition(lang: 'id' | 'en'): MembershipForm {
  const en = lang === 'en';
  const base = ['full_name', 'nik', 'birth_date', 'sex', 'phone', 'address'];
  return {
    library_id: 'dispusip-bontang',
    lang,
    member_types: [
      {
        id: 'pelajar',
        label: en ? 'Pupil (primary to senior high)' : 'Pelajar (SD/SMP/SMA)',
        required_fields: [...base, 'education_level', 'institution', 'class_or_faculty'],
        validity_months: 12,
        guardian_required_under: 18,
        institution_kinds: ['school'],
      },
      {
        id: 'mahasiswa',
        label: en ? 'University student' : 'Mahasiswa',
        required_fields: [...base, 'education_level', 'institution', 'class_or_faculty'],
        validity_months: 12,
      },
      {
        id: 'umum',
        label: en ? 'General public' : 'Umum',
        required_fields: base,
        validity_months: 36,
        guardian_required_under: 18,
      },
    ],
    consents: [
      { id: 'card', version: '2026-11-01', required: true, text: consentTexts[lang].card },
      { id: 'news', version: '2026-11-01', required: false, text: consentTexts[lang].news },
      { id: 'stats', version: '2026-11-01', required: false, text: consentTexts[lang].stats },
    ],
    education_levels: ['TK', 'SD', 'SMP', 'SMA/SMK', 'D1-D3', 'S1', 'S2', 'S3'],
    institutions: [
      { id: 'sman-1-bontang', name: 'SMA Negeri 1 Bontang', kind: 'school', school_level: 'SMA' },
      { id: 'smpn-2-bontang', name: 'SMP Negeri 2 Bontang', kind: 'school', school_level: 'SMP' },
      { id: 'sdit-al-furqan', name: 'SD Islam Terpadu Al-Furqan', kind: 'school', school_level: 'SD' },
      { id: 'stitek-bontang', name: 'Sekolah Tinggi Teknologi Bontang', kind: 'university' },
    ],
    anti_spam: { form_token: 'ft_story.mock', min_fill_seconds: 3, honeypot_field: 'website' },
  };
}

const pending: Registration[] = [
  {
    id: 'reg_01jd9x4k',
    reference: 'BTG-7Q4K',
    status: 'pending',
    library_id: 'dispusip-bontang',
    member_type: 'pelajar',
    full_name: 'Rina Lestari',
    nik_last4: '0004',
    institution: 'SMP Negeri 2 Bontang',
    minor: true,
    created_at: '2026-11-25T09:12:00+08:00',
  },
  {
    id: 'reg_01jd9x5m',
    reference: 'BTG-8H2P',
    status: 'pending',
    library_id: 'dispusip-bontang',
    member_type: 'umum',
    full_name: 'Muhammad Fadli Rahmatullah bin Abdurrahman Wahid Hasyim',
    nik_last4: '0017',
    created_at: '2026-11-25T10:40:00+08:00',
  },
];

type RegistrationDetail = Awaited<ReturnType<PustakaClient['membership']['getRegistration']>>;

function detailOf(registration: Registration): RegistrationDetail {
  return {
    ...registration,
    flags: registration.minor ? [{ code: 'same_phone_other_name' }] : [],
    sex: 'female',
    birth_date: '2012-03-12',
    birth_place: 'Bontang',
    age: 14,
    phone: '+6281234567890',
    address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
    ...(registration.minor && { guardian: { name: 'Siti Aminah', relation: 'parent', phone: '+6281298765432' } }),
    consents: [
      { id: 'card', version: '2026-11-01', granted: true, given_at: registration.created_at, given_by: 'guardian' },
      { id: 'news', version: '2026-11-01', granted: false, given_at: registration.created_at, given_by: 'guardian' },
    ],
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const problem = (status: number, code: ProblemCode, title: string) =>
  new Response(
    JSON.stringify({ type: `https://pustaka.example/problems/${code}`, title, status, code, detail: title }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );

function answer(request: Request): Response {
  const url = new URL(request.url);
  const origin = url.origin;
  if (origin === mockApi.offline) throw new TypeError('Failed to fetch');
  const path = url.pathname;
  if (path === '/v1/membership/form') return json(formDefinition(url.searchParams.get('lang') === 'en' ? 'en' : 'id'));
  if (path === '/v1/membership/registrations' && request.method === 'POST') {
    if (origin === mockApi.error) return problem(500, 'internal', 'Internal error');
    if (origin === mockApi.duplicate) return problem(409, 'duplicate_registration', 'Already registered');
    const receipt: RegistrationReceipt = {
      id: 'reg_01jd9x4k',
      reference: 'BTG-7Q4K',
      status: 'pending',
      nik_last4: '0004',
      created_at: new Date().toISOString(),
      warnings: [],
    };
    return json(receipt, 201);
  }
  if (path === '/v1/membership/registrations') {
    const list: RegistrationList = { total: pending.length, page: 1, per_page: 20, items: pending };
    return json(list);
  }
  const one = /^\/v1\/membership\/registrations\/([^/]+)(\/reject)?$/.exec(path);
  if (one) {
    const registration = pending.find((item) => item.id === one[1]) ?? pending[0]!;
    return json(one[2] ? { ...registration, status: 'rejected' } : detailOf(registration));
  }
  const approve = /^\/v1\/membership\/registrations\/([^/]+)\/approve$/.exec(path);
  if (approve) {
    const registration = pending.find((item) => item.id === approve[1]) ?? pending[0]!;
    const approved: ApprovedMember = {
      registration: { ...registration, status: 'approved', member_number: 'BTG-2026-000124' },
      member_number: 'BTG-2026-000124',
      valid_until: '2027-11-25',
      card: {
        member_number: 'BTG-2026-000124',
        full_name: registration.full_name,
        member_type: registration.member_type,
        member_type_label: registration.member_type === 'pelajar' ? 'Pelajar (SD/SMP/SMA)' : 'Umum',
        library_id: 'dispusip-bontang',
        library_name: 'Perpustakaan Umum Kota Bontang',
        ...(registration.institution && { institution: registration.institution }),
        valid_from: '2026-11-25',
        valid_until: '2027-11-25',
      },
    };
    return json(approved);
  }
  return problem(404, 'not_found', 'Not found');
}

const mocked = new Set<string>(Object.values(mockApi));
const realFetch = globalThis.fetch.bind(globalThis);

/** Replaces `fetch` for the mock origins only; every other request goes out as usual. */
export function installMockApi(): void {
  if ((globalThis.fetch as { mock?: boolean }).mock) return;
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!mocked.has(new URL(request.url).origin)) return realFetch(input, init);
    const wait = new URL(request.url).origin === mockApi.slow ? Infinity : mockSettings.latency;
    await new Promise<void>((resolve, reject) => {
      const timer = wait === Infinity ? undefined : setTimeout(resolve, wait);
      request.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(request.signal.reason);
      });
    });
    return answer(request);
  };
  globalThis.fetch = Object.assign(mockFetch, { mock: true });
}
