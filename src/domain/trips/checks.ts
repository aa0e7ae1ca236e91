import {
  checkKinds,
  checkpointsByMode,
  type CheckKind,
  type CheckpointKind,
  type LegMode,
} from '../../contracts/trip-vocabulary.js';

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

/**
 * Whether a confirmation made at `confirmedAt` came before its check opened (`opensAt`, see
 * opens.ts): "packed early". Here rather than in opens.ts so the web app can use it without luxon.
 */
export const isEarly = (confirmedAt: string, opensAt: string | null): boolean =>
  opensAt !== null && Date.parse(confirmedAt) < Date.parse(opensAt);

export interface Confirmation {
  tripKeepsakeId: string;
  travellerId: string;
  confirmedAt: string;
}

export interface CheckEvaluation {
  complete: boolean;
  completedAt: string | null;
  /**
   * When confirmations made before the check opened would have completed it ("packed early"), the
   * moment they did; null otherwise. It never makes the check complete.
   */
  packedEarlyAt: string | null;
  keepsakes: Array<{
    tripKeepsakeId: string;
    complete: boolean;
    /** Confirmations since the check opened, oldest first: these count. */
    confirmations: Confirmation[];
    /** Confirmations from before the check opened, oldest first: shown, not counted. */
    early: Confirmation[];
  }>;
}

function completion(
  tripKeepsakeIds: readonly string[],
  requiredConfirmers: number,
  confirmations: readonly Confirmation[],
) {
  const keepsakes = tripKeepsakeIds.map((tripKeepsakeId) => {
    const mine = confirmations
      .filter((c) => c.tripKeepsakeId === tripKeepsakeId)
      .sort((a, b) => a.confirmedAt.localeCompare(b.confirmedAt));
    const people = new Set(mine.map((c) => c.travellerId));
    return { tripKeepsakeId, complete: people.size >= requiredConfirmers, confirmations: mine };
  });
  const complete = keepsakes.length > 0 && keepsakes.every((k) => k.complete);
  const completedAt = complete
    ? (keepsakes
        .map((k) => k.confirmations[requiredConfirmers - 1]?.confirmedAt ?? '')
        .sort()
        .at(-1) ?? null)
    : null;
  return { keepsakes, complete, completedAt };
}

/**
 * A check is complete only when every travelling keepsake has been confirmed by enough different
 * people (one, or two when the family asked for two) since the check opened (`opensAt`, see
 * opens.ts: the evening before the departure). Confirmations from before then are "packed early":
 * returned apart, never counted. With no keepsake on the trip there is nothing to confirm, and the
 * check is not shown as done.
 */
export function evaluateCheck(input: {
  tripKeepsakeIds: readonly string[];
  requiredConfirmers: number;
  confirmations: readonly Confirmation[];
  /** When the check opened; null or left out: every confirmation counts. */
  opensAt?: string | null;
}): CheckEvaluation {
  const opensAt = input.opensAt ?? null;
  const early = input.confirmations.filter((c) => isEarly(c.confirmedAt, opensAt));
  const onTime = input.confirmations.filter((c) => !isEarly(c.confirmedAt, opensAt));
  const now = completion(input.tripKeepsakeIds, input.requiredConfirmers, onTime);
  const before = completion(input.tripKeepsakeIds, input.requiredConfirmers, early);
  return {
    complete: now.complete,
    completedAt: now.completedAt,
    packedEarlyAt: before.completedAt,
    keepsakes: now.keepsakes.map((k, i) => ({ ...k, early: before.keepsakes[i]!.confirmations })),
  };
}
