import type {
  CreateKeepsakeBody,
  CreateLovedOneBody,
  UpdateKeepsakeBody,
  UpdateLovedOneBody,
} from '../../../contracts/loved-ones.js';
import { REGION_NOT_IN_COUNTRY, regionInCountry } from '../../../contracts/loved-ones.js';
import { toAnswer, toFlag } from '../../../db/dialect.js';
import type { RowUpdate } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { KeepsakeRow, LovedOnesRepository } from './loved-ones.repository.js';

/** Asked before a keepsake is deleted; answers with the names of trips it is part of. */
export type KeepsakeInUse = (familyId: string, keepsakeIds: string[]) => Promise<string[]>;

const lovedOneColumns = (body: UpdateLovedOneBody): RowUpdate<'loved_ones'> => ({
  ...(body.name !== undefined && { name: body.name }),
  ...(body.kind !== undefined && { kind: body.kind }),
  ...(body.relationship !== undefined && { relationship: body.relationship }),
  ...(body.dateOfLoss !== undefined && { date_of_loss: body.dateOfLoss }),
  ...(body.dueDate !== undefined && { due_date: body.dueDate }),
  ...(body.dateOfBirth !== undefined && { date_of_birth: body.dateOfBirth }),
  ...(body.dateOfDeath !== undefined && { date_of_death: body.dateOfDeath }),
  ...(body.gestationWeeks !== undefined && { gestation_weeks: body.gestationWeeks }),
  ...(body.lossCountry !== undefined && { loss_country: body.lossCountry }),
  ...(body.lossRegion !== undefined && { loss_region: body.lossRegion }),
  ...(body.bornAlive !== undefined && {
    born_alive: toAnswer(body.bornAlive),
  }),
  ...(body.birthWeightGrams !== undefined && { birth_weight_g: body.birthWeightGrams }),
  ...(body.story !== undefined && { story: body.story }),
});

const keepsakeColumns = (body: UpdateKeepsakeBody): RowUpdate<'keepsakes'> => ({
  ...(body.name !== undefined && { name: body.name }),
  ...(body.kind !== undefined && { kind: body.kind }),
  ...(body.container !== undefined && { container: body.container }),
  ...(body.sizeNote !== undefined && { size_note: body.sizeNote }),
  ...(body.weightGrams !== undefined && { weight_grams: body.weightGrams }),
  ...(body.travelsWithUs !== undefined && { travels_with_us: toFlag(body.travelsWithUs) }),
  ...(body.notes !== undefined && { notes: body.notes }),
});

export function lovedOnesService({
  repo,
  clock,
  keepsakeInUse,
}: {
  repo: LovedOnesRepository;
  clock: Clock;
  /** Answered by the trips module; the container refuses to start if no module answers it. */
  keepsakeInUse: KeepsakeInUse;
}) {
  async function refuseIfTravelling(familyId: string, keepsakes: KeepsakeRow[]): Promise<void> {
    if (keepsakes.length === 0) return;
    const trips = await keepsakeInUse(
      familyId,
      keepsakes.map((k) => k.id),
    );
    if (trips.length > 0) {
      const names = keepsakes.map((k) => k.name).join(', ');
      throw conflict(
        `${names} is part of the trip "${trips.join('", "')}". Please take it off that trip first.`,
      );
    }
  }

  return {
    list(auth: AuthContext) {
      return repo.listLovedOnes(auth.familyId);
    },

    /** The trips each keepsake is on (only those on one), so a page can say why it can't go yet. */
    async tripsByKeepsake(auth: AuthContext, keepsakes: KeepsakeRow[]): Promise<Record<string, string[]>> {
      const pairs = await Promise.all(
        keepsakes.map(async (k) => [k.id, await keepsakeInUse(auth.familyId, [k.id])] as const),
      );
      return Object.fromEntries(pairs.filter(([, trips]) => trips.length > 0));
    },

    /** For work done on a family's behalf with no one signed in (reminders, calendar feeds). */
    listOfFamily(familyId: string) {
      return repo.listLovedOnes(familyId);
    },

    async get(auth: AuthContext, id: string) {
      const lovedOne = await repo.findLovedOne(auth.familyId, id);
      if (!lovedOne) throw notFound();
      return { lovedOne, keepsakes: await repo.listKeepsakes(auth.familyId, id) };
    },

    async create(auth: AuthContext, body: CreateLovedOneBody) {
      const now = isoNow(clock);
      const id = newId();
      await repo.insertLovedOne({
        id,
        family_id: auth.familyId,
        name: body.name,
        kind: body.kind,
        relationship: null,
        date_of_loss: null,
        due_date: null,
        date_of_birth: null,
        date_of_death: null,
        gestation_weeks: null,
        loss_country: null,
        loss_region: null,
        born_alive: null,
        birth_weight_g: null,
        story: null,
        ...lovedOneColumns(body),
        created_at: now,
        updated_at: now,
      });
      return this.get(auth, id);
    },

    async update(auth: AuthContext, id: string, body: UpdateLovedOneBody) {
      const current = await repo.findLovedOne(auth.familyId, id);
      if (!current) throw notFound();
      const next = { ...current, ...lovedOneColumns(body) };
      if (next.date_of_birth && next.date_of_death && next.date_of_birth > next.date_of_death) {
        throw invalid('dateOfDeath', 'The date of death should not be before the date of birth.');
      }
      if (!regionInCountry({ lossCountry: next.loss_country, lossRegion: next.loss_region })) {
        throw invalid('lossRegion', REGION_NOT_IN_COUNTRY);
      }
      await repo.updateLovedOne(auth.familyId, id, { ...lovedOneColumns(body), updated_at: isoNow(clock) });
      return this.get(auth, id);
    },

    async remove(auth: AuthContext, id: string): Promise<void> {
      const lovedOne = await repo.findLovedOne(auth.familyId, id);
      if (!lovedOne) throw notFound();
      await refuseIfTravelling(auth.familyId, await repo.listKeepsakes(auth.familyId, id));
      await repo.deleteLovedOne(auth.familyId, id);
    },

    listKeepsakes(auth: AuthContext) {
      return repo.listKeepsakes(auth.familyId);
    },

    /** For other modules: one keepsake of this family, or undefined. */
    findKeepsake(familyId: string, id: string) {
      return repo.findKeepsake(familyId, id);
    },

    async travellingKeepsakes(familyId: string): Promise<KeepsakeRow[]> {
      const all = await repo.listKeepsakes(familyId);
      return all.filter((k) => k.travels_with_us === 1);
    },

    async createKeepsake(auth: AuthContext, lovedOneId: string, body: CreateKeepsakeBody) {
      if (!(await repo.findLovedOne(auth.familyId, lovedOneId))) throw notFound();
      const now = isoNow(clock);
      const id = newId();
      await repo.insertKeepsake({
        id,
        family_id: auth.familyId,
        loved_one_id: lovedOneId,
        name: body.name,
        kind: body.kind,
        container: body.container,
        size_note: body.sizeNote ?? null,
        weight_grams: body.weightGrams ?? null,
        travels_with_us: toFlag(body.travelsWithUs),
        notes: body.notes ?? null,
        created_at: now,
        updated_at: now,
      });
      const keepsake = await repo.findKeepsake(auth.familyId, id);
      if (!keepsake) throw notFound();
      return keepsake;
    },

    async updateKeepsake(auth: AuthContext, id: string, body: UpdateKeepsakeBody) {
      if (!(await repo.findKeepsake(auth.familyId, id))) throw notFound();
      await repo.updateKeepsake(auth.familyId, id, { ...keepsakeColumns(body), updated_at: isoNow(clock) });
      const keepsake = await repo.findKeepsake(auth.familyId, id);
      if (!keepsake) throw notFound();
      return keepsake;
    },

    async removeKeepsake(auth: AuthContext, id: string): Promise<void> {
      const keepsake = await repo.findKeepsake(auth.familyId, id);
      if (!keepsake) throw notFound();
      await refuseIfTravelling(auth.familyId, [keepsake]);
      await repo.deleteKeepsake(auth.familyId, id);
    },
  };
}

export type LovedOnesService = ReturnType<typeof lovedOnesService>;
