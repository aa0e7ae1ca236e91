import { hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's minimum (m=19 MiB, t=2, p=1); about 60 ms per hash on a small server
// (research/stack.md). Raise these and rehash on sign-in if hosts prove fast enough.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches keeps a wrong e-mail as slow as a wrong password,
// so response times do not reveal who has an account.
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hash('not-a-real-password', options));
