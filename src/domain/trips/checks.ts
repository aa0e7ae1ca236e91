import {
  checkKinds,
  checkpointsByMode,
  type CheckKind,
  type CheckpointKind,
  type LegMode,
} from '../../contracts/trips.js';

/**
 * The checkpoints a new leg starts with: the moments suited to how it travels, plus checking out of
 * where you stayed on the way home (the hotel is where things get left behind). Families can switch
 * any suited checkpoint on or off.
 */
export function defaultCheckpoints(mode: LegMode, isReturn: boolean): CheckpointKind[] {
  return checkpointsByMode[mode].filter((kind) => kind !== 'checkout' || isReturn);
}

/** "Before you leave" first, then checkpoints in the order they happen on the way. */
export function orderedChecks(checkpoints: readonly CheckpointKind[]): CheckKind[] {
  const wanted = new Set<CheckKind>(['before_you_leave', ...checkpoints]);
  return checkKinds.filter((kind) => wanted.has(kind));
}

export interface Confirmation {
  tripKeepsakeId: string;
  travellerId: string;
  confirmedAt: string;
}

export interface CheckEvaluation {
  complete: boolean;
  completedAt: string | null;
  keepsakes: Array<{ tripKeepsakeId: string; complete: boolean; confirmations: Confirmation[] }>;
}

/**
 * A check is complete only when every travelling keepsake has been confirmed by enough different
 * people (one, or two when the family asked for two). With no keepsake on the trip there is nothing
 * to confirm, and the check is not shown as done.
 */
export function evaluateCheck(input: {
  tripKeepsakeIds: readonly string[];
  requiredConfirmers: number;
  confirmations: readonly Confirmation[];
}): CheckEvaluation {
  const keepsakes = input.tripKeepsakeIds.map((tripKeepsakeId) => {
    const confirmations = input.confirmations
      .filter((c) => c.tripKeepsakeId === tripKeepsakeId)
      .sort((a, b) => a.confirmedAt.localeCompare(b.confirmedAt));
    const people = new Set(confirmations.map((c) => c.travellerId));
    return { tripKeepsakeId, complete: people.size >= input.requiredConfirmers, confirmations };
  });
  const complete = keepsakes.length > 0 && keepsakes.every((k) => k.complete);
  const completedAt = complete
    ? (keepsakes
        .map((k) => k.confirmations[input.requiredConfirmers - 1]?.confirmedAt ?? '')
        .sort()
        .at(-1) ?? null)
    : null;
  return { complete, completedAt, keepsakes };
}
