import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoLibraries } from '../../src/seed/demo-network.js';
import { DuplicateMemberNumberError, type NewMember } from '../../src/members/store.js';
import type { Stores } from '../../src/storage/stores.js';
import { testClock, type StoreFactory, type StoreHarness } from './harness.js';

/** Members: what the kiosk reads and what registration and the seed write. */
export function membersContract(factory: StoreFactory) {
  describe('members', () => {
    const clock = testClock();
    const state = {} as { harness: StoreHarness; stores: Stores };
    before(async () => {
      state.harness = await factory({ now: clock.now });
      state.stores = state.harness.stores;
      for (const library of demoLibraries.slice(0, 2)) await state.stores.libraries.upsert(library);
    });
    after(() => state.harness.close());
    const [city, campus] = [demoLibraries[0]!.id, demoLibraries[1]!.id];
    const rina: NewMember = {
      number: 'BTG-2026-000123',
      libraryId: city,
      fullName: 'Rina Lestari',
      firstName: 'Rina',
      memberType: 'pelajar',
      institution: 'SMPN 2 Bontang',
      validUntil: '2027-11-30',
    };

    it('adds a member (active by default) and finds it by number, whatever the case and spaces', async () => {
      const added = await state.stores.members.add(rina);
      assert.deepEqual(added, {
        ...rina,
        status: 'active',
        createdAt: clock.now().toISOString(),
      });
      assert.deepEqual(await state.stores.members.findByNumber('  btg-2026-000123 '), added);
      assert.equal(await state.stores.members.findByNumber('BTG-2026-999999'), undefined);
    });

    it('stores numbers upper-case and refuses a number taken, in any case', async () => {
      const dewi = await state.stores.members.add({
        ...rina,
        number: 'btg-2026-000150',
        libraryId: campus,
        fullName: 'Dewi Anggraini',
        firstName: 'Dewi',
        memberType: 'mahasiswa',
        institution: null,
        status: 'suspended',
      });
      assert.equal(dewi.number, 'BTG-2026-000150');
      assert.equal(dewi.status, 'suspended');
      assert.equal(dewi.institution, null);
      await assert.rejects(
        state.stores.members.add({ ...rina, number: 'Btg-2026-000123' }),
        DuplicateMemberNumberError,
      );
      assert.equal((await state.stores.members.findByNumber('BTG-2026-000123'))?.fullName, 'Rina Lestari');
    });

    it('counts members per library and in the whole network', async () => {
      assert.equal(await state.stores.members.count(), 2);
      assert.equal(await state.stores.members.count({ libraryId: city }), 1);
      assert.equal(await state.stores.members.count({ libraryId: campus }), 1);
      assert.equal(await state.stores.members.count({ libraryId: 'nowhere' }), 0);
    });

    it('updates what changes and keeps the rest; an unknown number answers undefined', async () => {
      const renewed = await state.stores.members.update('btg-2026-000150', {
        status: 'active',
        validUntil: '2028-01-31',
      });
      assert.deepEqual(
        [renewed?.status, renewed?.validUntil, renewed?.fullName, renewed?.libraryId],
        ['active', '2028-01-31', 'Dewi Anggraini', campus],
      );
      assert.equal(await state.stores.members.update('BTG-2026-999999', { status: 'closed' }), undefined);
    });

    it('issues numbers from a sequence per prefix and year, skipping numbers taken, never twice', async () => {
      for (const serial of ['000001', '000002']) {
        await state.stores.members.add({ ...rina, number: `BTG-2027-${serial}` });
      }
      assert.equal(await state.stores.members.nextNumber('BTG', 2027), 'BTG-2027-000003');
      assert.equal(await state.stores.members.nextNumber('btg', 2027), 'BTG-2027-000004');
      assert.equal(await state.stores.members.nextNumber('BTG', 2028), 'BTG-2028-000001');
      const many = await Promise.all(Array.from({ length: 20 }, () => state.stores.members.nextNumber('BTG', 2029)));
      assert.equal(new Set(many).size, 20);
      // A second process on the same storage continues the sequence instead of starting over.
      const other = await state.harness.reopen();
      assert.equal(await other.members.nextNumber('BTG', 2027), 'BTG-2027-000005');
    });
  });
}
