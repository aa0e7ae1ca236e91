import type {
  CreateChecklistItemBody,
  SaveTemplateBody,
  UpdateChecklistItemBody,
} from '../../../contracts/trips.js';
import { isoNow, type Clock } from '../../clock.js';
import { can } from '../../../contracts/permissions.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { ChecklistItem, ChecklistItemChange } from './trips.records.js';
import type { TripsStore } from './trips.store.js';

const untickNeedsConfirming = (item: ChecklistItem) =>
  conflict(`${item.label} is travelling with you. Please confirm that you want to untick it.`);

/** The packing checklist: personal and shared items, the pinned keepsakes, and reusable lists. */
export function checklistService({ store, clock }: { store: TripsStore; clock: Clock }) {
  async function findItem(auth: AuthContext, itemId: string): Promise<ChecklistItem> {
    const item = await store.checklist.findItem(auth.familyId, itemId);
    if (!item) throw notFound();
    return item;
  }

  return {
    list(auth: AuthContext, tripId: string): Promise<ChecklistItem[]> {
      return store.checklist.listItems(auth.familyId, tripId);
    },

    async add(auth: AuthContext, tripId: string, body: CreateChecklistItemBody): Promise<ChecklistItem> {
      if (body.ownerTravellerId) {
        const owner = await store.trips.findTraveller(auth.familyId, body.ownerTravellerId);
        if (!owner || owner.tripId !== tripId)
          throw invalid('ownerTravellerId', 'Please choose someone who is on this trip.');
      }
      const id = newId();
      await store.checklist.insertItems(auth.familyId, [
        {
          id,
          tripId,
          tripKeepsakeId: null,
          label: body.label,
          scope: body.scope,
          ownerTravellerId: body.scope === 'personal' ? (body.ownerTravellerId ?? null) : null,
          position: await store.checklist.nextPosition(auth.familyId, tripId),
          createdAt: isoNow(clock),
        },
      ]);
      return findItem(auth, id);
    },

    /**
     * Ticks, unticks or renames an item. A travelling keepsake cannot be unticked silently: the
     * caller must confirm, and who unticked it and when is kept and shown.
     */
    async update(auth: AuthContext, itemId: string, body: UpdateChecklistItemBody): Promise<ChecklistItem> {
      // A tick or untick alone (the hot write) is one statement with the rule decided in it.
      if (body.label === undefined && body.checked !== undefined) {
        const kind = body.checked ? 'tick' : body.confirmUntick ? 'untick-confirmed' : 'untick';
        const item = await store.checklist.setChecked(auth.familyId, itemId, kind, {
          at: isoNow(clock),
          by: auth.memberId,
        });
        if (!item) throw notFound();
        // Still ticked after an untick: a travelling keepsake, unconfirmed. Nothing has changed
        // (the family's change rolls back with the refusal).
        if (!body.checked && item.checkedAt !== null) throw untickNeedsConfirming(item);
        return item;
      }
      const item = await findItem(auth, itemId);
      const pinned = item.tripKeepsakeId !== null;
      const change: ChecklistItemChange = {};
      if (body.label !== undefined) {
        if (!can(auth.role, 'trips.write')) throw forbidden();
        if (pinned)
          throw conflict('This item is named after the keepsake it stands for; rename the keepsake instead.');
        change.label = body.label;
      }
      const now = isoNow(clock);
      if (body.checked === true && item.checkedAt === null) {
        change.checked = { at: now, by: auth.memberId };
      }
      if (body.checked === false && item.checkedAt !== null) {
        if (pinned && body.confirmUntick !== true) {
          throw untickNeedsConfirming(item);
        }
        change.checked = null;
        if (pinned) change.unticked = { at: now, by: auth.memberId };
      }
      if (Object.keys(change).length === 0) return item;
      await store.checklist.updateItem(auth.familyId, itemId, change);
      // The item as it now stands, without reading it again (a tick is the hot write): only the
      // changed fields differ, and whoever changed them is the one asking.
      return {
        ...item,
        ...(change.label !== undefined && { label: change.label }),
        ...(change.checked !== undefined && {
          checkedAt: change.checked?.at ?? null,
          checkedByName: change.checked ? auth.displayName : null,
        }),
        ...(change.unticked && { untickedAt: change.unticked.at, untickedByName: auth.displayName }),
      };
    },

    async remove(auth: AuthContext, itemId: string): Promise<void> {
      const item = await findItem(auth, itemId);
      if (item.tripKeepsakeId !== null) {
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
        (i) => i.tripKeepsakeId === null,
      );
      if (items.length === 0) throw invalid('name', 'This trip has no items of its own to save yet.');
      const id = newId();
      await store.transaction((s) =>
        s.checklist.insertTemplate(
          auth.familyId,
          { id, name: body.name, createdAt: isoNow(clock) },
          items.map((item, position) => ({
            id: newId(),
            templateId: id,
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
