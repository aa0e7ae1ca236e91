// The words of a trip that need no zod: its modes, bags, purposes, checks and when they open. Kept
// apart from the trip contracts (trips.ts, which re-exports them) so the first trip page and the
// domain read them without loading zod and every schema.

export const legModes = ['air', 'rail', 'road', 'sea'] as const;
export type LegMode = (typeof legModes)[number];
export const bags = ['carry_on', 'checked'] as const;
export type Bag = (typeof bags)[number];
export const purposes = ['carry', 'scatter'] as const;

/**
 * The hour, on the departure's own wall clock the evening before it leaves, from which a departure's
 * checks count. Confirmations made earlier are "packed early": kept and shown, but the check asks
 * again from this hour, so "Done" on the morning of the flight means packed for this departure, not
 * three weeks ago. 18:00 because families pack the evening before (the "Pack Jack" reminder rings
 * at 19:00, see domain/remembrance), and that packing should count; anything before the evening is
 * far enough away for things to be taken out again. A trip may choose another hour (`checksOpenHour`):
 * a family flying at six in the morning packs in the afternoon before.
 */
export const CHECKS_OPEN_HOUR = 18;
/** The hours, the day before a departure, a trip may choose for its checks to open from instead. */
export const CHECKS_OPEN_EARLIEST = 8;
export const CHECKS_OPEN_LATEST = 22;

export type Purpose = (typeof purposes)[number];
/** Where ashes are scattered; rules for the sea, a river or a national park differ. */
export const scatterPlaces = [
  'sea',
  'river_or_lake',
  'land',
  'national_park',
  'garden_of_remembrance',
] as const;
export type ScatterPlace = (typeof scatterPlaces)[number];
export const checklistScopes = ['personal', 'shared'] as const;
export type ChecklistScope = (typeof checklistScopes)[number];

/**
 * Moments on a journey where keepsakes get left behind. "Before you leave" belongs to every leg;
 * the others are checkpoints a family can switch on, suited to how they travel.
 */
/**
 * Every check a departure can have, in the order they happen on the day: checking out of where you
 * stayed (on the way home), "Before you leave", then the moments on the way. The one list of them:
 * the domain orders a leg's checks by it.
 */
export const checkKinds = [
  'checkout',
  'before_you_leave',
  'after_security',
  'leaving_plane',
  'leaving_train',
  'leaving_car',
  'leaving_ship',
] as const;
export type CheckKind = (typeof checkKinds)[number];
export type CheckpointKind = Exclude<CheckKind, 'before_you_leave'>;
export const checkpointKinds = checkKinds.filter((k): k is CheckpointKind => k !== 'before_you_leave');

export const checkpointsByMode: Record<LegMode, readonly CheckpointKind[]> = {
  air: ['after_security', 'leaving_plane', 'checkout'],
  rail: ['leaving_train', 'checkout'],
  road: ['leaving_car', 'checkout'],
  sea: ['leaving_ship', 'checkout'],
};
