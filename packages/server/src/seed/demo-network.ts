import type { Library } from '../types.js';

/**
 * A fictional but plausible Bontang library network, modelled on the 2019 coordination meeting's list: the
 * city library, school libraries from SD to SMA/SMK, a university library, company (CSR) libraries and the
 * reading corners of government offices. Names, addresses and numbers are invented.
 */
const weekdays = (opens: string, closes: string) =>
  (['mon', 'tue', 'wed', 'thu'] as const).map((day) => ({ day, opens, closes }));
const schoolHours = [
  ...weekdays('07:30', '14:00'),
  { day: 'fri' as const, opens: '07:30', closes: '11:00' },
  { day: 'sat' as const, opens: '07:30', closes: '12:00' },
];
const officeHours = [...weekdays('08:00', '16:00'), { day: 'fri' as const, opens: '08:00', closes: '11:30' }];

const address = (street: string, village: string, district: string, postal_code: string) => ({
  street,
  village,
  district,
  city: 'Bontang',
  province: 'Kalimantan Timur',
  postal_code,
});

export const demoLibraries: Library[] = [
  {
    id: 'dispusip-bontang',
    name: 'Perpustakaan Umum Kota Bontang',
    kind: 'public',
    parent_institution: 'Dinas Perpustakaan dan Kearsipan Kota Bontang',
    address: {
      ...address('Jl. Awang Long No. 12', 'Bontang Baru', 'Bontang Utara', '75311'),
      latitude: 0.1327,
      longitude: 117.4996,
    },
    opening_hours: [
      ...weekdays('08:00', '20:00'),
      { day: 'fri', opens: '08:00', closes: '11:30' },
      { day: 'sat', opens: '09:00', closes: '15:00' },
      { day: 'sun', opens: '09:00', closes: '13:00' },
    ],
    opening_hours_note: 'Jumat buka kembali 13.30-20.00. Tutup pada hari libur nasional.',
    contact: {
      phone: '+62548021234',
      email: 'layanan@perpustakaan.bontang.example',
      website: 'https://perpustakaan.bontang.example',
    },
  },
  {
    id: 'stt-bontang',
    name: 'Perpustakaan Sekolah Tinggi Teknologi Bontang',
    kind: 'university',
    parent_institution: 'Sekolah Tinggi Teknologi Bontang',
    address: address('Jl. Brigjend Katamso No. 40', 'Belimbing', 'Bontang Barat', '75313'),
    opening_hours: [...weekdays('08:00', '18:00'), { day: 'fri', opens: '08:00', closes: '17:00' }],
    contact: { phone: '+62548024410', email: 'perpustakaan@stt-bontang.example' },
  },
  {
    id: 'sdn-001-bontang-utara',
    name: 'Perpustakaan SD Negeri 001 Bontang Utara',
    kind: 'school',
    school_level: 'SD',
    parent_institution: 'SD Negeri 001 Bontang Utara',
    address: address('Jl. Imam Bonjol No. 3', 'Gunung Elai', 'Bontang Utara', '75311'),
    opening_hours: schoolHours,
    contact: { phone: '+62548021101' },
  },
  {
    id: 'sdn-005-bontang-selatan',
    name: 'Perpustakaan SD Negeri 005 Bontang Selatan',
    kind: 'school',
    school_level: 'SD',
    parent_institution: 'SD Negeri 005 Bontang Selatan',
    address: address('Jl. Gajah Mada No. 21', 'Tanjung Laut', 'Bontang Selatan', '75321'),
    opening_hours: schoolHours,
    contact: { phone: '+62548025105' },
  },
  {
    id: 'sdit-al-furqan',
    name: 'Perpustakaan SD Islam Terpadu Al-Furqan',
    kind: 'school',
    school_level: 'SD',
    parent_institution: 'Yayasan Pendidikan Al-Furqan Bontang',
    address: address('Jl. Pupuk Raya No. 8', 'Gunung Telihan', 'Bontang Barat', '75313'),
    opening_hours: schoolHours,
    contact: { phone: '+62548026677' },
  },
  {
    id: 'smpn-1-bontang',
    name: 'Perpustakaan SMP Negeri 1 Bontang',
    kind: 'school',
    school_level: 'SMP',
    parent_institution: 'SMP Negeri 1 Bontang',
    address: address('Jl. Bhayangkara No. 15', 'Bontang Baru', 'Bontang Utara', '75311'),
    opening_hours: schoolHours,
    contact: { phone: '+62548021501', email: 'perpus@smpn1.bontang.example' },
  },
  {
    id: 'smpn-2-bontang',
    name: 'Perpustakaan SMP Negeri 2 Bontang',
    kind: 'school',
    school_level: 'SMP',
    parent_institution: 'SMP Negeri 2 Bontang',
    address: address('Jl. Cendana No. 27', 'Api-Api', 'Bontang Utara', '75312'),
    opening_hours: schoolHours,
    contact: { phone: '+62548022502' },
  },
  {
    id: 'sman-1-bontang',
    name: 'Perpustakaan SMA Negeri 1 Bontang',
    kind: 'school',
    school_level: 'SMA',
    parent_institution: 'SMA Negeri 1 Bontang',
    address: address('Jl. Ahmad Yani No. 30', 'Api-Api', 'Bontang Utara', '75312'),
    opening_hours: schoolHours,
    contact: {
      phone: '+62548021701',
      email: 'perpustakaan@sman1.bontang.example',
      website: 'https://sman1.bontang.example',
    },
  },
  {
    id: 'sman-2-bontang',
    name: 'Perpustakaan SMA Negeri 2 Bontang',
    kind: 'school',
    school_level: 'SMA',
    parent_institution: 'SMA Negeri 2 Bontang',
    address: address('Jl. Pattimura No. 2', 'Berbas Tengah', 'Bontang Selatan', '75325'),
    opening_hours: schoolHours,
    contact: { phone: '+62548027702' },
  },
  {
    id: 'smkn-1-bontang',
    name: 'Perpustakaan SMK Negeri 1 Bontang',
    kind: 'school',
    school_level: 'SMK',
    parent_institution: 'SMK Negeri 1 Bontang',
    address: address('Jl. Jenderal Sudirman No. 88', 'Tanjung Laut Indah', 'Bontang Selatan', '75321'),
    opening_hours: schoolHours,
    contact: { phone: '+62548028801' },
  },
  {
    id: 'pt-kaltim-amonia',
    name: 'Perpustakaan Komunitas PT Kaltim Amonia Lestari',
    kind: 'company',
    parent_institution: 'PT Kaltim Amonia Lestari (program CSR)',
    address: address('Jl. Sultan Syahrir No. 1, Kompleks Perumahan Karyawan', 'Guntung', 'Bontang Utara', '75314'),
    opening_hours: [
      ...weekdays('09:00', '17:00'),
      { day: 'fri', opens: '09:00', closes: '17:00' },
      { day: 'sat', opens: '09:00', closes: '13:00' },
    ],
    opening_hours_note: 'Terbuka untuk umum, tidak hanya untuk karyawan.',
    contact: { phone: '+62548041000', email: 'csr.perpustakaan@kaltim-amonia.example' },
  },
  {
    id: 'pt-gas-alam-bontang',
    name: 'Taman Baca PT Gas Alam Bontang',
    kind: 'company',
    parent_institution: 'PT Gas Alam Bontang (program CSR)',
    address: address('Jl. Mulawarman No. 5', 'Satimpo', 'Bontang Selatan', '75324'),
    opening_hours: [
      { day: 'tue', opens: '13:00', closes: '17:00' },
      { day: 'thu', opens: '13:00', closes: '17:00' },
      { day: 'sat', opens: '08:00', closes: '12:00' },
      { day: 'sun', opens: '08:00', closes: '12:00' },
    ],
    contact: { phone: '+62548052200' },
  },
  {
    id: 'pojok-baca-balai-kota',
    name: 'Pojok Baca Kantor Wali Kota Bontang',
    kind: 'reading-corner',
    parent_institution: 'Sekretariat Daerah Kota Bontang',
    address: address('Jl. Moh. Roem No. 1, Bontang Lestari', 'Bontang Lestari', 'Bontang Selatan', '75325'),
    opening_hours: officeHours,
    contact: { phone: '+62548030100' },
  },
  {
    id: 'pojok-baca-kecamatan-bontang-barat',
    name: 'Pojok Baca Kantor Kecamatan Bontang Barat',
    kind: 'reading-corner',
    parent_institution: 'Kecamatan Bontang Barat',
    address: address('Jl. Letjen S. Parman No. 14', 'Kanaan', 'Bontang Barat', '75313'),
    opening_hours: officeHours,
    contact: { phone: '+62548030200' },
  },
  {
    id: 'pojok-baca-rsud-taman-husada',
    name: 'Pojok Baca Ruang Tunggu RSUD Taman Husada',
    kind: 'reading-corner',
    parent_institution: 'RSUD Taman Husada Bontang',
    address: address('Jl. Letjen S. Parman No. 1', 'Belimbing', 'Bontang Barat', '75313'),
    opening_hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((day) => ({
      day,
      opens: '08:00',
      closes: '14:00',
    })),
    contact: { phone: '+62548030300' },
  },
];
