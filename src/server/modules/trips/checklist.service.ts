import type {
  CreateChecklistItemBody,
  SaveTemplateBody,
  UpdateChecklistItemBody,
} from '../../../contracts/trips.js';
import type { RowUpdate } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { can } from '../../../contracts/permissions.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { ChecklistRow } from './checklist.repository.js';
import type { TripsStore } from './trips.store.js';

/** The packing checklist: personal and shared items, the pinned keepsakes, and reusable lists. */
export function checklistService({ store, clock }: { store: TripsStore; clock: Clock }) {
  async function findItem(auth: AuthContext, itemId: string): Promise<ChecklistRow> {
    const item = await store.checklist.findItem(auth.familyId, itemId);
    if (!item) throw notFound();
    return item;
  }

  return {
    list(auth: AuthContext, tripId: string): Promise<ChecklistRow[]> {
      return store.checklist.listItems(auth.familyId, tripId);
    },

    async add(auth: AuthContext, tripId: string, body: CreateChecklistItemBody): Promise<ChecklistRow> {
      if (body.ownerTravellerId) {
        const owner = await store.trips.findTraveller(auth.familyId, body.ownerTravellerId);
        if (!owner || owner.trip_id !== tripId)
          throw invalid('ownerTravellerId', 'Please choose someone who is on this trip.');
      }
      const id = newId();
      await store.checklist.insertItems([
        {
          id,
          family_id: auth.familyId,
          trip_id: tripId,
          trip_keepsake_id: null,
          label: body.label,
          scope: body.scope,
          owner_traveller_id: body.scope === 'personal' ? (body.ownerTravellerId ?? null) : null,
          position: await store.checklist.nextPosition(auth.familyId, tripId),
          checked_at: null,
          checked_by: null,
          unticked_at: null,
          unticked_by: null,
          created_at: isoNow(clock),
        },
      ]);
      return findItem(auth, id);
    },

    /**
     * Ticks, unticks or renames an item. A travelling keepsake cannot be unticked silently: the
     * caller must confirm, and who unticked it and when is kept and shown.
     */
    async update(auth: AuthContext, itemId: string, body: UpdateChecklistItemBody): Promise<ChecklistRow> {
      const item = await findItem(auth, itemId);
      const pinned = item.trip_keepsake_id !== null;
      const patch: RowUpdate<'checklist_items'> = {};
      if (body.label !== undefined) {
        if (!can(auth.role, 'trips.write')) throw forbidden();
        if (pinned)
          throw conflict('This item is named after the keepsake it stands for; rename the keepsake instead.');
        patch.label = body.label;
      }
      const now = isoNow(clock);
      if (body.checked === true && item.checked_at === null) {
        Object.assign(patch, { checked_at: now, checked_by: auth.memberId });
      }
      if (body.checked === false && item.checked_at !== null) {
        if (pinned && body.confirmUntick !== true) {
          throw conflict(`${item.label} is travelling with you. Please confirm that you want to untick it.`);
        }
        Object.assign(patch, { checked_at: null, checked_by: null });
        if (pinned) Object.assign(patch, { unticked_at: now, unticked_by: auth.memberId });
      }
      if (Object.keys(patch).length > 0) await store.checklist.updateItem(auth.familyId, itemId, patch);
      return findItem(auth, itemId);
    },

    async remove(auth: AuthContext, itemId: string): Promise<void> {
      const item = await findItem(auth, itemId);
      if (item.trip_keepsake_id !== null) {
        throw conflict(
          `${item.label} stays on the list while it travels with you. To leave it at home, take it off the trip first.`,
        );
      }
      await store.checklist.deleteItem(auth.familyId, itemId);
    },

    listTemplates(auth: AuthContext) {
      return store.checklist.listTemplates(auth.familyId);
    },

    /** Saves a trip's own items (not the keepsakes, which come from "travels with us") as a list. */
    async saveTemplate(auth: AuthContext, tripId: string, body: SaveTemplateBody) {
      const items = (await store.checklist.listItems(auth.familyId, tripId)).filter(
        (i) => i.trip_keepsake_id === null,
      );
      if (items.length === 0) throw invalid('name', 'This trip has no items of its own to save yet.');
      const id = newId();
      await store.transaction((s) =>
        s.checklist.insertTemplate(
          { id, family_id: auth.familyId, name: body.name, created_at: isoNow(clock) },
          items.map((item, position) => ({
            id: newId(),
            family_id: auth.familyId,
            template_id: id,
            label: item.label,
            scope: item.scope,
            position,
          })),
        ),
      );
      const saved = (await store.checklist.listTemplates(auth.familyId)).find((t) => t.id === id);
      if (!saved) throw notFound();
      return saved;
    },

    async removeTemplate(auth: AuthContext, templateId: string): Promise<void> {
      if (!(await store.checklist.findTemplate(auth.familyId, templateId))) throw notFound();
      await store.checklist.deleteTemplate(auth.familyId, templateId);
    },
  };
}

export type ChecklistService = ReturnType<typeof checklistService>;
