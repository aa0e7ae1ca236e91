import { useTokenFromAddress } from '../../lib/link-token.js';

/** The token of a link we e-mailed (see lib/link-token.ts): 43 URL-safe characters. */
export const useLinkToken = (): string | null => useTokenFromAddress(/^[A-Za-z0-9_-]{43}$/);
