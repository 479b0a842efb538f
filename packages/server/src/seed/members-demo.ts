import type { MemberStore, NewMember } from '../members/store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateAfter = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Invented members with numbers in the network's pattern, so that the kiosk's member path works in the demo:
 * one of each member type, one whose card runs out within the month, one expired, one suspended. Validity is
 * counted from the day of the seed, so the demo stays the same however late it runs.
 */
export function demoMembers(now: Date): NewMember[] {
  const year = (days: number) => dateAfter(now, days);
  return [
    {
      number: 'BTG-2026-000123',
      libraryId: 'dispusip-bontang',
      fullName: 'Rina Lestari',
      firstName: 'Rina',
      memberType: 'pelajar',
      institution: 'SMPN 2 Bontang',
      validUntil: year(365),
    },
    {
      number: 'BTG-2026-000101',
      libraryId: 'dispusip-bontang',
      fullName: 'Ahmad Fauzi Rahman',
      firstName: 'Ahmad',
      memberType: 'umum',
      validUntil: year(300),
    },
    {
      number: 'BTG-2026-000102',
      libraryId: 'dispusip-bontang',
      fullName: 'Yohana Pasorong',
      firstName: 'Yohana',
      memberType: 'asn',
      institution: 'Dinas Kesehatan Kota Bontang',
      validUntil: year(200),
    },
    {
      number: 'BTG-2026-000150',
      libraryId: 'stt-bontang',
      fullName: 'Dewi Anggraini',
      firstName: 'Dewi',
      memberType: 'mahasiswa',
      institution: 'Sekolah Tinggi Teknologi Bontang',
      validUntil: year(20),
    },
    {
      number: 'BTG-2025-000412',
      libraryId: 'sdn-001-bontang-utara',
      fullName: 'Siti Rahmawati',
      firstName: 'Siti',
      memberType: 'guru_dosen',
      institution: 'SDN 001 Bontang Utara',
      validUntil: year(-30),
    },
    {
      number: 'BTG-2026-000201',
      libraryId: 'sman-1-bontang',
      fullName: 'Muhammad Rizky Pratama',
      firstName: 'Rizky',
      memberType: 'pelajar',
      institution: 'SMAN 1 Bontang',
      validUntil: year(365),
    },
    {
      number: 'BTG-2026-000202',
      libraryId: 'sman-1-bontang',
      fullName: 'Nur Aisyah Putri',
      firstName: 'Aisyah',
      memberType: 'pelajar',
      institution: 'SMAN 1 Bontang',
      validUntil: year(365),
    },
    {
      number: 'BTG-2026-000210',
      libraryId: 'pt-kaltim-amonia',
      fullName: 'Andi Saputra',
      firstName: 'Andi',
      memberType: 'umum',
      institution: 'PT Kaltim Amonia',
      status: 'suspended',
      validUntil: year(180),
    },
  ];
}

/** Adds the demo members that are missing; answers how many there are. Safe to run again. */
export async function seedDemoMembers(members: MemberStore, now = new Date()): Promise<number> {
  const all = demoMembers(now);
  for (const member of all) if (!(await members.findByNumber(member.number))) await members.add(member);
  return all.length;
}
