import type { Kysely } from 'kysely';
import { checklistScopes } from '../../../contracts/trips.js';
import { compiledOnce } from '../../../db/prepared.js';
import type { Database, Row, RowUpdate } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type {
  ChecklistItem,
  ChecklistItemChange,
  ChecklistTemplate,
  NewChecklistItem,
  TemplateItem,
} from './trips.records.js';

type ItemRow = Row<'checklist_items'> & {
  owner_name: string | null;
  checked_by_name: string | null;
  unticked_by_name: string | null;
  loved_one_name: string | null;
  carrier_name: string | null;
  bag_description: string | null;
};

const itemFromRow = (row: ItemRow): ChecklistItem => ({
  id: row.id,
  tripId: row.trip_id,
  tripKeepsakeId: row.trip_keepsake_id,
  label: row.label,
  scope: storedEnum(checklistScopes, row.scope, 'checklist_items.scope'),
  ownerTravellerId: row.owner_traveller_id,
  ownerName: row.owner_name,
  position: row.position,
  checkedAt: row.checked_at,
  checkedByName: row.checked_by_name,
  untickedAt: row.unticked_at,
  untickedByName: row.unticked_by_name,
  lovedOneName: row.loved_one_name,
  carrierName: row.carrier_name,
  bagDescription: row.bag_description,
  createdAt: row.created_at,
});

const itemColumns = (change: ChecklistItemChange): RowUpdate<'checklist_items'> => ({
  ...(change.label !== undefined && { label: change.label }),
  ...(change.checked !== undefined && {
    checked_at: change.checked?.at ?? null,
    checked_by: change.checked?.by ?? null,
  }),
  ...(change.unticked !== undefined && {
    unticked_at: change.unticked.at,
    unticked_by: change.unticked.by,
  }),
});

/** A tick, an untick, or an untick confirmed by its caller (needed for a travelling keepsake). */
export type TickKind = 'tick' | 'untick' | 'untick-confirmed';

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

  const findItemQuery = compiledOnce((familyId: string, id: string) =>
    itemsWithNames().where('i.family_id', '=', familyId).where('i.id', '=', id),
  );

  // A tick or untick is one statement: the rule on travelling keepsakes is decided in its SET (a
  // pinned item stays ticked unless the untick is confirmed), and RETURNING answers the item as it
  // now stands, with its names. One round trip on PostgreSQL, the same SQL on SQLite (which allows
  // no UPDATE inside a CTE, but does allow subqueries in RETURNING, if the table has no alias).
  // Compiled once per kind of tick.
  const setCheckedQuery = (kind: TickKind) =>
    compiledOnce((familyId: string, id: string, at: string, by: string) =>
      db
        .updateTable('checklist_items')
        .set((eb) => {
          const pinned = eb('checklist_items.trip_keepsake_id', 'is not', null);
          const wasChecked = eb('checklist_items.checked_at', 'is not', null);
          if (kind === 'tick')
            return {
              checked_at: eb.fn.coalesce('checklist_items.checked_at', eb.val(at)),
              checked_by: eb
                .case()
                .when(wasChecked)
                .then(eb.ref('checklist_items.checked_by'))
                .else(eb.val(by))
                .end(),
            };
          if (kind === 'untick-confirmed') {
            // Who unticked a travelling keepsake, and when, is kept and shown.
            const recorded = (value: string, column: 'unticked_at' | 'unticked_by') =>
              eb
                .case()
                .when(eb.and([pinned, wasChecked]))
                .then(eb.val<string | null>(value))
                .else(eb.ref(`checklist_items.${column}` as const))
                .end();
            return {
              checked_at: null,
              checked_by: null,
              unticked_at: recorded(at, 'unticked_at'),
              unticked_by: recorded(by, 'unticked_by'),
            };
          }
          // Unconfirmed: a pinned item keeps its tick (the service answers that it needs confirming).
          return {
            checked_at: eb.case().when(pinned).then(eb.ref('checklist_items.checked_at')).else(null).end(),
            checked_by: eb.case().when(pinned).then(eb.ref('checklist_items.checked_by')).else(null).end(),
          };
        })
        .where('checklist_items.family_id', '=', familyId)
        .where('checklist_items.id', '=', id)
        .returningAll()
        .returning((eb) => {
          const member = (column: 'checked_by' | 'unticked_by') =>
            eb
              .selectFrom('memberships as m')
              .select('m.display_name')
              .whereRef('m.id', '=', `checklist_items.${column}` as const);
          const keepsake = () =>
            eb.selectFrom('trip_keepsakes as tk').whereRef('tk.id', '=', 'checklist_items.trip_keepsake_id');
          return [
            eb
              .selectFrom('trip_travellers as owner')
              .select('owner.name')
              .whereRef('owner.id', '=', 'checklist_items.owner_traveller_id')
              .as('owner_name'),
            member('checked_by').as('checked_by_name'),
            member('unticked_by').as('unticked_by_name'),
            keepsake()
              .innerJoin('keepsakes as k', 'k.id', 'tk.keepsake_id')
              .innerJoin('loved_ones as l', 'l.id', 'k.loved_one_id')
              .select('l.name')
              .as('loved_one_name'),
            keepsake()
              .innerJoin('trip_travellers as carrier', 'carrier.id', 'tk.carrier_traveller_id')
              .select('carrier.name')
              .as('carrier_name'),
            keepsake().select('tk.bag_description').as('bag_description'),
          ];
        }),
    );
  const setChecked = {
    tick: setCheckedQuery('tick'),
    'untick-confirmed': setCheckedQuery('untick-confirmed'),
    untick: setCheckedQuery('untick'),
  };

  return {
    async listItems(familyId: string, tripId: string): Promise<ChecklistItem[]> {
      const rows = await itemsWithNames()
        .where('i.family_id', '=', familyId)
        .where('i.trip_id', '=', tripId)
        .orderBy('i.position')
        .execute();
      return rows.map(itemFromRow);
    },

    async findItem(familyId: string, id: string): Promise<ChecklistItem | undefined> {
      const [row] = (await db.executeQuery(findItemQuery(familyId, id))).rows;
      return row && itemFromRow(row);
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

    /** New items start unticked. */
    async insertItems(familyId: string, items: NewChecklistItem[]): Promise<void> {
      if (items.length === 0) return;
      await db
        .insertInto('checklist_items')
        .values(
          items.map((item) => ({
            id: item.id,
            family_id: familyId,
            trip_id: item.tripId,
            trip_keepsake_id: item.tripKeepsakeId,
            label: item.label,
            scope: item.scope,
            owner_traveller_id: item.ownerTravellerId,
            position: item.position,
            checked_at: null,
            checked_by: null,
            unticked_at: null,
            unticked_by: null,
            created_at: item.createdAt,
          })),
        )
        .execute();
    },

    /**
     * Ticks or unticks an item and answers it as it now stands (undefined: no such item). An
     * unconfirmed untick leaves a pinned item ticked: the caller sees it still ticked and refuses.
     */
    async setChecked(
      familyId: string,
      id: string,
      kind: TickKind,
      change: { at: string; by: string },
    ): Promise<ChecklistItem | undefined> {
      const [row] = (await db.executeQuery(setChecked[kind](familyId, id, change.at, change.by))).rows;
      return row && itemFromRow(row);
    },

    async updateItem(familyId: string, id: string, change: ChecklistItemChange): Promise<void> {
      await db
        .updateTable('checklist_items')
        .set(itemColumns(change))
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

    async listTemplates(familyId: string): Promise<ChecklistTemplate[]> {
      const rows = await db
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
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        // PostgreSQL counts as bigint, which its driver hands over as text.
        itemCount: Number(row.item_count ?? 0),
        createdAt: row.created_at,
      }));
    },

    async findTemplate(familyId: string, id: string): Promise<{ id: string; name: string } | undefined> {
      return db
        .selectFrom('checklist_templates')
        .select(['id', 'name'])
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async listTemplateItems(familyId: string, templateId: string): Promise<TemplateItem[]> {
      const rows = await db
        .selectFrom('checklist_template_items')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('template_id', '=', templateId)
        .orderBy('position')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        templateId: row.template_id,
        label: row.label,
        scope: storedEnum(checklistScopes, row.scope, 'checklist_template_items.scope'),
        position: row.position,
      }));
    },

    /** A template and its items, in the order given. */
    async insertTemplate(
      familyId: string,
      template: { id: string; name: string; createdAt: string },
      items: TemplateItem[],
    ): Promise<void> {
      await db
        .insertInto('checklist_templates')
        .values({ id: template.id, family_id: familyId, name: template.name, created_at: template.createdAt })
        .execute();
      if (items.length === 0) return;
      await db
        .insertInto('checklist_template_items')
        .values(
          items.map((item) => ({
            id: item.id,
            family_id: familyId,
            template_id: item.templateId,
            label: item.label,
            scope: item.scope,
            position: item.position,
          })),
        )
        .execute();
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
