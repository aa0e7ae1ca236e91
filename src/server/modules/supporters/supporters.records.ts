import {
  replyStatuses,
  supporterStatuses,
  type ReplyStatus,
  type SupporterStatus,
} from '../../../contracts/supporters.js';
import { storedEnum } from '../../enums.js';

// The supporters module's records (ARCHITECTURE.md, "Records, not rows").

export interface SupporterRecord {
  id: string;
  familyId: string;
  name: string;
  email: string;
  zone: string;
  status: SupporterStatus;
  confirmTokenHash: string | null;
  confirmExpiresAt: string | null;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  /** The membership that added them. */
  addedBy: string;
  createdAt: string;
}

export interface SupporterDayRecord {
  id: string;
  familyId: string;
  supporterId: string;
  dayId: string;
  suggestion: string;
  /** Epoch ms of the next e-mail; null while none is planned (not confirmed yet, or stopped). */
  nextDueUtc: number | null;
  occurrenceDate: string | null;
  signature: string;
  updatedAt: string;
}

export interface ReplyRecord {
  id: string;
  familyId: string;
  supporterId: string;
  supporterDayId: string;
  occurrenceDate: string;
  dayTitle: string;
  message: string;
  status: ReplyStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The family's photo its photo became, once accepted. */
  mediaId: string | null;
}

export const storedSupporterStatus = (value: string): SupporterStatus =>
  storedEnum(supporterStatuses, value, 'supporters.status');
export const storedReplyStatus = (value: string): ReplyStatus =>
  storedEnum(replyStatuses, value, 'supporter_replies.status');
