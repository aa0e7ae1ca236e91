import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { ArchiveData, CollectionName } from '../../../contracts/family-archive.js';
import { AppError } from '../../errors.js';
import { imageDigest, inspectKeptImage, processImage, type KeptImage } from '../media/index.js';
import { readVoiceNote } from '../memory-box/index.js';
import type { PreparedFile } from './archive.repository.js';
import { refusedArchive, type OpenArchive } from './zip-reader.js';

// An archive's files, looked at in the request (`glance`: each is what its record says, by its
// content's header: a picture, a voice note, a PDF), checked whole by the job before anything is
// written (`check`: every picture decoded), and prepared as they are written: a
// photo exactly as this server keeps one is kept as it is (so export, import and export again give
// the same bytes); any other picture is decoded and encoded afresh with no location or camera tags,
// as an upload would be; a voice note is checked by its content and length like a recording sent
// from the app; a book must be a PDF. A file that is none of these refuses the whole archive.

/** How a picture is kept: as it is (what it is), or null: encoded afresh. */
type Plan = KeptImage | null;

interface ImagePair {
  image: string;
  preview: string;
}

/** Which files are pictures with their previews, voice notes and books, from the records naming them. */
function filesOf(data: ArchiveData) {
  const pairs: ImagePair[] = [];
  const voices: string[] = [];
  const books: string[] = [];
  const pictured: CollectionName[] = ['media', 'supporterReplyPhotos', 'journalPhotos'];
  for (const collection of pictured)
    for (const r of data[collection]) pairs.push({ image: r.file as string, preview: r.thumbnail as string });
  for (const r of data.memoryBoxItems) if (typeof r.audio === 'string') voices.push(r.audio);
  for (const r of data.memorialBooks) books.push(r.file as string);
  return { pairs, voices, books };
}

/** What a picture or its preview may be, by its header (as the media pipeline takes them). */
const PICTURE_FORMATS = new Set(['jpeg', 'png', 'webp']);

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const refusedFile = (path: string, why: string) =>
  refusedArchive(`${path} in this archive ${why}. Nothing was imported.`);

export function importFiles(zip: OpenArchive, data: ArchiveData) {
  const { pairs, voices, books } = filesOf(data);
  const plans = new Map<string, Plan>();
  const previewOf = new Map(pairs.map((p) => [p.preview, p.image]));
  /** The last picture re-encoded, for its preview (asked for next). */
  let lastMade: { path: string; made: Awaited<ReturnType<typeof processImage>> } | undefined;

  async function reencode(path: string, bytes: Buffer) {
    if (lastMade?.path === path) return lastMade.made;
    try {
      const made = await processImage(bytes);
      lastMade = { path, made };
      return made;
    } catch (error) {
      if (error instanceof AppError) throw refusedFile(path, 'is not a picture we can keep');
      throw error;
    }
  }

  /**
   * Each voice note is a recording we keep, and each book a PDF, by their content: the same look in
   * `glance` and `check` (neither has a cheaper or a deeper one), one file at a time.
   */
  async function checkVoicesAndBooks(): Promise<void> {
    for (const path of voices) {
      try {
        await readVoiceNote(await zip.read(path));
      } catch (error) {
        if (error instanceof AppError) throw refusedFile(path, 'is not a voice note we can keep');
        throw error;
      }
    }
    for (const path of books) {
      const pdf = await zip.read(path);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw refusedFile(path, 'is not a PDF');
    }
  }

  return {
    /**
     * Reads every file once, one at a time, and looks at what it is by its header alone (no picture
     * is decoded): cheap enough for the request, so an archive whose files are not what its records
     * say is refused at once, with the same words `check` would use.
     */
    async glance(): Promise<void> {
      for (const { image, preview } of pairs)
        for (const path of [image, preview]) {
          const meta = await sharp(await zip.read(path), { limitInputPixels: false })
            .metadata()
            .catch(() => undefined);
          if (!meta?.format || !PICTURE_FORMATS.has(meta.format) || (meta.pages ?? 1) > 1)
            throw refusedFile(path, 'is not a picture we can keep');
        }
      await checkVoicesAndBooks();
    },

    /** Reads every file once, one at a time, and checks it; the bytes are not kept. */
    async check(): Promise<void> {
      for (const { image, preview } of pairs) {
        const bytes = await zip.read(image);
        const kept = await inspectKeptImage(bytes, 'image');
        if (!kept) await reencode(image, bytes);
        plans.set(image, kept);
        plans.set(preview, kept && (await inspectKeptImage(await zip.read(preview), 'preview')));
      }
      await checkVoicesAndBooks();
    },

    /** Bytes of all pictures and previews in the archive, to weigh against the family's room for photos. */
    pictureBytes(): number {
      return pairs.reduce((sum, { image, preview }) => sum + zip.size(image) + zip.size(preview), 0);
    },

    /** A checked file, ready to keep (read again from the archive, one at a time). */
    async prepare(path: string): Promise<PreparedFile> {
      const bytes = await zip.read(path);
      const image = previewOf.get(path);
      if (image !== undefined) {
        // A preview: kept if it and its picture were, else made from the picture as kept.
        const kept = plans.get(path);
        if (kept) return { data: bytes, contentType: kept.contentType, digest: sha(bytes) };
        const made = await reencode(image, await zip.read(image));
        const thumb = made.thumbnail.data;
        return { data: thumb, contentType: made.thumbnail.contentType, digest: sha(thumb) };
      }
      if (plans.has(path)) {
        const kept = plans.get(path);
        if (kept) {
          return {
            data: bytes,
            contentType: kept.contentType,
            width: kept.width,
            height: kept.height,
            digest: imageDigest(bytes),
          };
        }
        const made = await reencode(path, bytes);
        return {
          data: made.data,
          contentType: made.contentType,
          width: made.width,
          height: made.height,
          digest: made.digest,
        };
      }
      if (voices.includes(path)) {
        const voice = await readVoiceNote(bytes);
        return { data: bytes, contentType: voice.contentType, seconds: voice.seconds, digest: voice.digest };
      }
      return { data: bytes, contentType: 'application/pdf', digest: sha(bytes) };
    },
  };
}
