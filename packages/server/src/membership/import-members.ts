import { randomBytes } from 'node:crypto';
import { DuplicateMemberNumberError } from '../members/store.js';
import type { Stores } from '../storage/stores.js';
import { firstNameOf, prefixOf } from './approval.js';
import { institutionsOf } from './form-definition.js';
import type { MemberType } from './model.js';
import { csvRows, headerOf, mapMemberRow, slimsMemberColumns, type MemberRowProblem } from './slims-members.js';

export interface MemberImportProblem extends MemberRowProblem {
  /** Record number in the file, from 1 (the header row not counted). */
  record: number;
}

export interface MemberImportReport {
  received: number;
  imported: number;
  skipped: number;
}

/**
 * Imports a SLiMS member export into a library: each member becomes an approved registration (personal data
 * encrypted, NIK found network-wide by its keyed hash) and a member the kiosk knows. A bad row is reported
 * and skipped; the others are imported.
 */
export async function importSlimsMembers(options: {
  stores: Stores;
  libraryId: string;
  text: string;
  typeMap?: Record<string, MemberType>;
  now?: Date;
  onProblem?: (problem: MemberImportProblem) => void;
  onProgress?: (progress: { characters: number; records: number }) => void;
}): Promise<MemberImportReport> {
  const { stores, libraryId } = options;
  const store = stores.membership;
  if (!store) throw new Error('Importing members needs the membership key (see docs/membership.md).');
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const prefix = await prefixOf(stores, store, libraryId);
  const institutions = institutionsOf((await stores.libraries.list({ offset: 0, limit: 10_000 })).items);
  const institutionByName = new Map(
    institutions.map((institution) => [institution.name.toLowerCase(), institution.id]),
  );
  const report: MemberImportReport = { received: 0, imported: 0, skipped: 0 };
  let columns: string[] = [...slimsMemberColumns];
  let first = true;
  for (const { cells, end } of csvRows(options.text)) {
    if (first) {
      first = false;
      const header = headerOf(cells);
      if (header) {
        columns = header;
        continue;
      }
    }
    const record = ++report.received;
    const problem = (found: MemberRowProblem) => options.onProblem?.({ record, ...found });
    const values = Object.fromEntries(columns.map((column, index) => [column, cells[index]]));
    const { member, problems } = mapMemberRow(values, options.typeMap ?? {}, today);
    problems.forEach(problem);
    options.onProgress?.({ characters: end, records: record });
    if (!member) {
      report.skipped++;
      continue;
    }
    const id = `reg_${randomBytes(12).toString('hex')}`;
    const institutionId = member.institution ? institutionByName.get(member.institution.toLowerCase()) : undefined;
    const created = await store.create({
      id,
      referencePrefix: `${prefix}-`,
      source: 'import',
      libraryId,
      memberType: member.memberType,
      fullName: member.fullName,
      sex: member.sex,
      personal: member.personal,
      institutionId: institutionId ?? null,
      institution: institutionId ? null : member.institution,
      classOrFaculty: null,
      educationLevel: null,
      minor: false,
      warnings: [],
      // What the earlier system held was given for the card; the record says where it came from.
      consents: [
        { id: 'card', version: 'import', granted: true, givenAt: now.toISOString(), origin: null, givenBy: 'import' },
      ],
      createdAt: now.toISOString(),
      approved: {
        memberNumber: member.number.toUpperCase(),
        validFrom: member.validFrom,
        validUntil: member.validUntil,
      },
    });
    if (created.outcome !== 'created') {
      problem(
        created.outcome === 'duplicate'
          ? { column: 'nik', outcome: 'record_skipped', reason: 'This NIK is registered in the network already.' }
          : { column: 'member_id', outcome: 'record_skipped', reason: 'A member with this number exists already.' },
      );
      report.skipped++;
      continue;
    }
    try {
      await stores.members.add({
        number: member.number,
        libraryId,
        fullName: member.fullName,
        firstName: firstNameOf(member.fullName),
        memberType: member.memberType,
        institution: institutions.find((institution) => institution.id === institutionId)?.name ?? member.institution,
        validUntil: member.validUntil,
      });
    } catch (error) {
      await store.erase(id, { actor: 'import', at: now.toISOString(), reasonCode: 'import_duplicate' });
      if (!(error instanceof DuplicateMemberNumberError)) throw error;
      problem({ column: 'member_id', outcome: 'record_skipped', reason: 'A member with this number exists already.' });
      report.skipped++;
      continue;
    }
    report.imported++;
  }
  return report;
}
