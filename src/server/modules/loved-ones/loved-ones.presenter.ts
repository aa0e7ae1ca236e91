import type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
import { containerMaterials, keepsakeKinds, lovedOneKinds } from '../../../contracts/loved-ones.js';
import { fromAnswer, fromFlag } from '../../../db/dialect.js';
import type { Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { KeepsakeRow } from './loved-ones.repository.js';

export const presentLovedOne = (row: Row<'loved_ones'>): LovedOne => ({
  id: row.id,
  name: row.name,
  kind: storedEnum(lovedOneKinds, row.kind, 'loved_ones.kind'),
  relationship: row.relationship,
  dateOfLoss: row.date_of_loss,
  dueDate: row.due_date,
  dateOfBirth: row.date_of_birth,
  dateOfDeath: row.date_of_death,
  gestationWeeks: row.gestation_weeks,
  lossCountry: row.loss_country,
  lossRegion: row.loss_region,
  bornAlive: fromAnswer(row.born_alive),
  birthWeightGrams: row.birth_weight_g,
  story: row.story,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const presentKeepsake = (row: KeepsakeRow): Keepsake => ({
  id: row.id,
  lovedOneId: row.loved_one_id,
  lovedOneName: row.loved_one_name,
  name: row.name,
  kind: storedEnum(keepsakeKinds, row.kind, 'keepsakes.kind'),
  container: storedEnum(containerMaterials, row.container, 'keepsakes.container'),
  sizeNote: row.size_note,
  weightGrams: row.weight_grams,
  travelsWithUs: fromFlag(row.travels_with_us),
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
