import type { Kysely } from 'kysely';
import type { Database, NewRow, Row, RowUpdate } from '../../../db/schema.js';

export type ChecklistRow = Row<'checklist_items'> & {
  owner_name: string | null;
  checked_by_name: string | null;
  unticked_by_name: string | null;
  loved_one_name: string | null;
  carrier_name: string | null;
  bag_description: string | null;
};

/** Checklist items and reusable templates. */
export function checklistRepository(db: Kysely<Database>) {
  const itemsWithNames = () =>
    db
      .selectFrom('checklist_items as i')
      .leftJoin('trip_travellers as owner', 'owner.id', 'i.owner_traveller_id')
      .leftJoin('memberships as checker', 'checker.id', 'i.checked_by')
      .leftJoin('memberships as unticker', 'unticker.id', 'i.unticked_by')
      .leftJoin('trip_keepsakes as tk', 'tk.id', 'i.trip_keepsake_id')
      .leftJoin('keepsakes as k', 'k.id', 'tk.keepsake_id')
      .leftJoin('loved_ones as l', 'l.id', 'k.loved_one_id')
      .leftJoin('trip_travellers as carrier', 'carrier.id', 'tk.carrier_traveller_id')
      .selectAll('i')
      .select([
        'owner.name as owner_name',
        'checker.display_name as checked_by_name',
        'unticker.display_name as unticked_by_name',
        'l.name as loved_one_name',
        'carrier.name as carrier_name',
        'tk.bag_description as bag_description',
      ]);

  return {
    listItems(familyId: string, tripId: string): Promise<ChecklistRow[]> {
      return itemsWithNames()
        .where('i.family_id', '=', familyId)
        .where('i.trip_id', '=', tripId)
        .orderBy('i.position')
        .execute();
    },

    findItem(familyId: string, id: string): Promise<ChecklistRow | undefined> {
      return itemsWithNames().where('i.family_id', '=', familyId).where('i.id', '=', id).executeTakeFirst();
    },

    async nextPosition(familyId: string, tripId: string): Promise<number> {
      const row = await db
        .selectFrom('checklist_items')
        .select((eb) => eb.fn.max<number | null>('position').as('max'))
        .where('family_id', '=', familyId)
        .where('trip_id', '=', tripId)
        .executeTakeFirst();
      return (row?.max ?? -1) + 1;
    },

    insertItems(rows: NewRow<'checklist_items'>[]) {
      if (rows.length === 0) return Promise.resolve();
      return db.insertInto('checklist_items').values(rows).execute();
    },

    updateItem(familyId: string, id: string, patch: RowUpdate<'checklist_items'>) {
      return db
        .updateTable('checklist_items')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    /** Keeps a pinned keepsake item's owner in step with whoever carries the keepsake. */
    setPinnedOwner(familyId: string, tripKeepsakeId: string, ownerTravellerId: string | null) {
      return db
        .updateTable('checklist_items')
        .set({ owner_traveller_id: ownerTravellerId })
        .where('family_id', '=', familyId)
        .where('trip_keepsake_id', '=', tripKeepsakeId)
        .execute();
    },

    /** A traveller who leaves the trip hands their personal items to everyone. */
    shareItemsOf(familyId: string, travellerId: string) {
      return db
        .updateTable('checklist_items')
        .set({ scope: 'shared', owner_traveller_id: null })
        .where('family_id', '=', familyId)
        .where('owner_traveller_id', '=', travellerId)
        .where('trip_keepsake_id', 'is', null)
        .execute();
    },

    deleteItem(familyId: string, id: string) {
      return db
        .deleteFrom('checklist_items')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    listTemplates(familyId: string) {
      return db
        .selectFrom('checklist_templates as t')
        .selectAll('t')
        .select((eb) =>
          eb
            .selectFrom('checklist_template_items as ti')
            .whereRef('ti.template_id', '=', 't.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('item_count'),
        )
        .where('t.family_id', '=', familyId)
        .orderBy('t.name')
        .execute();
    },

    findTemplate(familyId: string, id: string): Promise<Row<'checklist_templates'> | undefined> {
      return db
        .selectFrom('checklist_templates')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    listTemplateItems(familyId: string, templateId: string): Promise<Row<'checklist_template_items'>[]> {
      return db
        .selectFrom('checklist_template_items')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('template_id', '=', templateId)
        .orderBy('position')
        .execute();
    },

    async insertTemplate(
      template: NewRow<'checklist_templates'>,
      items: NewRow<'checklist_template_items'>[],
    ) {
      await db.insertInto('checklist_templates').values(template).execute();
      if (items.length > 0) await db.insertInto('checklist_template_items').values(items).execute();
    },

    deleteTemplate(familyId: string, id: string) {
      return db
        .deleteFrom('checklist_templates')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },
  };
}

export type ChecklistRepository = ReturnType<typeof checklistRepository>;
