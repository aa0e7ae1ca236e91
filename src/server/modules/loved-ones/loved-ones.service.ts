import type {
  CreateKeepsakeBody,
  Keepsake,
  CreateLovedOneBody,
  UpdateKeepsakeBody,
  UpdateLovedOneBody,
} from '../../../contracts/loved-ones.js';
import type { LovedOneRemoval } from '../../../contracts/loved-ones.js';
import {
  cremationRegionInCountry,
  REGION_NOT_IN_COUNTRY,
  regionInCountry,
} from '../../../contracts/loved-ones.js';
import { isoNow, type Clock } from '../../clock.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { MediaService } from '../media/index.js';
import type { Questions } from '../module.js';
import type { LovedOnesRepository } from './loved-ones.repository.js';

/** Asked before a keepsake is deleted; answers with the names of trips it is part of. */
export type KeepsakeInUse = (familyId: string, keepsakeIds: string[]) => Promise<string[]>;

export function lovedOnesService({
  repo,
  clock,
  keepsakeInUse,
  media,
  memoryBoxOf,
}: {
  repo: LovedOnesRepository;
  clock: Clock;
  /** Answered by the trips module; the container refuses to start if no module answers it. */
  keepsakeInUse: KeepsakeInUse;
  /** The pictures only a loved one uses go when they do. */
  media: Pick<MediaService, 'keptOnlyFor' | 'removeKeptOnlyFor'>;
  /** Answered by the memory box: a loved one's letters and voice notes, said before deleting them. */
  memoryBoxOf: Questions['memoryBoxOf'];
}) {
  async function refuseIfTravelling(familyId: string, keepsakes: Keepsake[]): Promise<void> {
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
    async tripsByKeepsake(auth: AuthContext, keepsakes: Keepsake[]): Promise<Record<string, string[]>> {
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
      await repo.insertLovedOne(auth.familyId, {
        id,
        relationship: null,
        dateOfLoss: null,
        dueDate: null,
        dateOfBirth: null,
        dateOfDeath: null,
        gestationWeeks: null,
        lossCountry: null,
        lossRegion: null,
        cremationCountry: null,
        cremationRegion: null,
        nationality: null,
        bornAlive: null,
        birthWeightGrams: null,
        story: null,
        ...body,
        createdAt: now,
        updatedAt: now,
      });
      return this.get(auth, id);
    },

    async update(auth: AuthContext, id: string, body: UpdateLovedOneBody) {
      const current = await repo.findLovedOne(auth.familyId, id);
      if (!current) throw notFound();
      const next = { ...current, ...body };
      if (next.dateOfBirth && next.dateOfDeath && next.dateOfBirth > next.dateOfDeath) {
        throw invalid('dateOfDeath', 'The date of death should not be before the date of birth.');
      }
      if (!regionInCountry(next)) throw invalid('lossRegion', REGION_NOT_IN_COUNTRY);
      if (!cremationRegionInCountry(next)) throw invalid('cremationRegion', REGION_NOT_IN_COUNTRY);
      await repo.updateLovedOne(auth.familyId, id, body, isoNow(clock));
      return this.get(auth, id);
    },

    /** What deleting a loved one would remove besides their profile and keepsakes (said first). */
    async removal(auth: AuthContext, id: string): Promise<LovedOneRemoval> {
      if (!(await repo.findLovedOne(auth.familyId, id))) throw notFound();
      const [pictures, box] = await Promise.all([
        media.keptOnlyFor(auth.familyId, id),
        memoryBoxOf(auth.familyId, id),
      ]);
      return {
        drawings: box.drawings,
        letters: box.letters,
        voiceNotes: box.voiceNotes,
        photos: pictures.photos,
        bytes: pictures.bytes + box.voiceBytes,
      };
    },

    /**
     * Deletes a loved one, in the request's one change: the pictures only they used first (their
     * drawings, their rituals' and tributes' photos), then their row, whose memory box, rituals and
     * marks, tributes, journal entries and books go by their foreign keys. So the family's room
     * is given back at once, and nothing of theirs is left half-deleted.
     */
    async remove(auth: AuthContext, id: string): Promise<void> {
      const lovedOne = await repo.findLovedOne(auth.familyId, id);
      if (!lovedOne) throw notFound();
      await refuseIfTravelling(auth.familyId, await repo.listKeepsakes(auth.familyId, id));
      await media.removeKeptOnlyFor(auth.familyId, id);
      await repo.deleteLovedOne(auth.familyId, id);
    },

    listKeepsakes(auth: AuthContext) {
      return repo.listKeepsakes(auth.familyId);
    },

    /** For other modules: one keepsake of this family, or undefined. */
    findKeepsake(familyId: string, id: string) {
      return repo.findKeepsake(familyId, id);
    },

    async travellingKeepsakes(familyId: string): Promise<Keepsake[]> {
      const all = await repo.listKeepsakes(familyId);
      return all.filter((k) => k.travelsWithUs);
    },

    async createKeepsake(auth: AuthContext, lovedOneId: string, body: CreateKeepsakeBody) {
      if (!(await repo.findLovedOne(auth.familyId, lovedOneId))) throw notFound();
      const now = isoNow(clock);
      const id = newId();
      await repo.insertKeepsake(auth.familyId, {
        id,
        lovedOneId,
        sizeNote: null,
        weightGrams: null,
        notes: null,
        ...body,
        createdAt: now,
        updatedAt: now,
      });
      const keepsake = await repo.findKeepsake(auth.familyId, id);
      if (!keepsake) throw notFound();
      return keepsake;
    },

    async updateKeepsake(auth: AuthContext, id: string, body: UpdateKeepsakeBody) {
      if (!(await repo.findKeepsake(auth.familyId, id))) throw notFound();
      await repo.updateKeepsake(auth.familyId, id, body, isoNow(clock));
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
