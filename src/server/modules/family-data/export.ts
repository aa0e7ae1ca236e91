import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  archiveCollections,
  archiveFiles,
  collectionNames,
  archiveJsonSchema,
  type ArchiveData,
} from '../../../contracts/family-archive.js';
import type { AuthContext } from '../accounts/index.js';
import type { TravelRulesService } from '../travel-rules/index.js';
import { indexHtml, readmeText } from './archive-pages.js';
import type { ArchiveRepository } from './archive.repository.js';
import { closeOver } from './references.js';
import type { ZipSource } from './zip-writer.js';

/** What no archive carries, said once for README.txt and family.json. */
export const LEFT_OUT = [
  'Passwords, sign-ins and e-mailed links: they belong to this server, never to an archive.',
  'Calendar feed addresses, invite links and tribute share links: they are secrets; on another server you make new ones.',
  'Notices in the app’s inbox, and the reminder times worked out from your settings: they are made again.',
];

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/**
 * What goes into one member's archive of their family: every record they may read (archive.repository
 * leaves out what is private to others), kept whole (references.ts), the files those records name,
 * a travel packet per trip as printed today, and the pages for people (archive-pages.ts). Files are
 * listed, not read: the zip reads each when its turn comes.
 */
export async function archiveContents(
  deps: { repo: ArchiveRepository; travelRules: TravelRulesService },
  auth: AuthContext,
  exportedAt: string,
): Promise<{ data: ArchiveData; sources: ZipSource[] }> {
  const family = await deps.repo.family(auth.familyId);
  if (!family) throw new Error('The family is gone.');
  const { records, files } = await deps.repo.records(auth.familyId, auth.memberId);
  const kept = closeOver(records);
  // The files of the records kept (a photo whose record was left out stays out too).
  const keptPaths = new Set(
    collectionNames.flatMap((collection) =>
      Object.entries(archiveCollections[collection].fields)
        .filter(([, f]) => f.is.kind === 'file')
        .flatMap(([field]) => kept[collection].map((record) => record[field])),
    ),
  );
  const packetFor = (tripId: string) => `travel-packets/${tripId}.pdf`;
  const data: ArchiveData = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    exportedBy: auth.memberId,
    leftOut: LEFT_OUT,
    family,
    ...kept,
    travelPackets: kept.trips.map((trip) => ({ tripId: String(trip.id), file: packetFor(String(trip.id)) })),
  };
  const exporterName =
    (kept.members.find((m) => m.id === auth.memberId)?.displayName as string | undefined) ?? auth.displayName;

  const text = (path: string, content: string | Buffer): ZipSource => ({
    path,
    compress: true,
    read: async () => (typeof content === 'string' ? Buffer.from(content) : content),
  });
  const sources: ZipSource[] = [
    text(archiveFiles.readme, readmeText(data, exporterName)),
    text(archiveFiles.index, indexHtml(data)),
    text(archiveFiles.schema, json(archiveJsonSchema())),
    text(archiveFiles.data, json(data)),
    ...files
      .filter((f) => keptPaths.has(f.path))
      .map((f) => ({ path: f.path, read: () => f.read(), compress: false })),
    ...data.travelPackets.map((p) => ({
      path: p.file,
      compress: false,
      read: () => deps.travelRules.packetPdf(auth, p.tripId),
    })),
  ];
  return { data, sources };
}
