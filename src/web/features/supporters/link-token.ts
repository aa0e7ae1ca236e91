import { useTokenFromAddress } from '../../lib/link-token.js';

/** The token of a supporter's link (see lib/link-token.ts). */
export const useSupporterToken = (): string | null => useTokenFromAddress(/^[A-Za-z0-9_.-]{43,130}$/);
