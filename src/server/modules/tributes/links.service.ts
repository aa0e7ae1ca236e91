import type {
  CreatedTributeLink,
  TributeLink,
  TributeLinkBody,
  TributeSize,
} from '../../../contracts/tributes.js';
import type { SharedTribute } from '../../../contracts/tributes.js';
import { isoNow, type Clock } from '../../clock.js';
import { notFound } from '../../errors.js';
import { hashToken, newId, newToken, safeEqual } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { MediaService } from '../media/index.js';
import { pictureOf, presentTribute } from './tributes.service.js';
import type { LinkRecord, TributeRecord, TributesRepository } from './tributes.repository.js';

// Share links: an unlisted page for one tribute. The token is 256 random bits, shown once in the
// link's address and kept only as its SHA-256. Every address the link exposes (the page, its
// picture, its JSON) looks the link up afresh, so revoking or expiry answers 404 at once, and a
// page never shows anything of the family but the one tribute. A password is kept as argon2; once
// typed, the visitor's browser holds a cookie derived from the token and that hash (nothing more is
// stored), which opens nothing once the link is revoked or has expired.

interface Deps {
  repo: TributesRepository;
  clock: Clock;
  media: MediaService;
  baseUrl: string;
  /** Runs `work` as one change to the family's data (family-changes.ts `within`). */
  changeFamily: <T>(familyId: string, work: () => Promise<T>) => Promise<T>;
  hashPassword: (password: string) => Promise<string>;
  verifyPassword: (hash: string, password: string) => Promise<boolean>;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const tokenHash = (token: string) => hashToken(`tribute-link:${token}`);
/** The cookie value that says this browser typed the link's password. */
export const unlockValue = (token: string, passwordHash: string) =>
  hashToken(`tribute-unlock:${token}:${passwordHash}`);

const present = (link: LinkRecord): TributeLink => ({
  id: link.id,
  tributeId: link.tributeId,
  hasPassword: link.passwordHash !== null,
  expiresAt: link.expiresAt,
  revokedAt: link.revokedAt,
  createdAt: link.createdAt,
});

/** What a visitor with the link may reach: locked behind its password, or open. */
export type SharedLink =
  { state: 'locked'; link: LinkRecord } | { state: 'open'; link: LinkRecord; tribute: TributeRecord };

export function tributeLinksService({
  repo,
  clock,
  media,
  baseUrl,
  changeFamily,
  hashPassword,
  verifyPassword,
}: Deps) {
  const base = baseUrl.replace(/\/$/, '');

  /** The link while it works: not revoked, not expired. Anything else is not there. */
  async function working(token: string): Promise<{ link: LinkRecord; tribute: TributeRecord }> {
    if (!TOKEN.test(token)) throw notFound();
    const found = await repo.linkByTokenHash(tokenHash(token));
    if (!found || found.link.revokedAt) throw notFound();
    if (found.link.expiresAt && found.link.expiresAt <= isoNow(clock)) throw notFound();
    return found;
  }

  return {
    pageUrl: (token: string) => `${base}/tribute/${token}`,

    async list(auth: AuthContext, tributeId: string): Promise<TributeLink[]> {
      if (!(await repo.find(auth.familyId, tributeId))) throw notFound();
      return (await repo.links(auth.familyId, tributeId)).map(present);
    },

    /** Makes a link. The password is hashed (slowly, on purpose) before the family's change opens. */
    async create(auth: AuthContext, tributeId: string, body: TributeLinkBody): Promise<CreatedTributeLink> {
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      const token = newToken();
      const id = newId();
      await changeFamily(auth.familyId, async () => {
        if (!(await repo.find(auth.familyId, tributeId))) throw notFound();
        const now = clock.now();
        await repo.insertLink({
          id,
          familyId: auth.familyId,
          tributeId,
          tokenHash: tokenHash(token),
          passwordHash,
          expiresAt: body.expiresInDays
            ? new Date(now + body.expiresInDays * 86_400_000).toISOString()
            : null,
          by: auth.memberId,
          at: new Date(now).toISOString(),
        });
      });
      const link = (await repo.findLink(auth.familyId, id))!;
      return { link: present(link), url: `${base}/tribute/${token}` };
    },

    /** Revokes a link at once; revoking one already revoked changes nothing. */
    async revoke(auth: AuthContext, linkId: string): Promise<TributeLink> {
      if (!(await repo.findLink(auth.familyId, linkId))) throw notFound();
      await repo.revokeLink(auth.familyId, linkId, isoNow(clock));
      return present((await repo.findLink(auth.familyId, linkId))!);
    },

    /** The link as a visitor reaches it: open with no password, the right cookie or the password. */
    async open(token: string, proof: { cookie?: string; password?: string }): Promise<SharedLink> {
      const { link, tribute } = await working(token);
      if (!link.passwordHash) return { state: 'open', link, tribute };
      if (proof.cookie && safeEqual(proof.cookie, unlockValue(token, link.passwordHash)))
        return { state: 'open', link, tribute };
      if (proof.password && (await verifyPassword(link.passwordHash, proof.password)))
        return { state: 'open', link, tribute };
      return { state: 'locked', link };
    },

    shared(tribute: TributeRecord): SharedTribute {
      const view = presentTribute(tribute);
      return { name: view.lovedOneName, datesLine: view.datesLine, words: view.words, forDate: view.forDate };
    },

    picture: (tribute: TributeRecord, size: TributeSize): Promise<Buffer> =>
      pictureOf(
        tribute,
        size,
        // A parent made the link and chose the picture: it is shown even if kept for the parents.
        async (mediaId) => (await media.fileOfFamily(tribute.familyId, mediaId, true))?.data,
      ),
  };
}

export type TributeLinksService = ReturnType<typeof tributeLinksService>;
