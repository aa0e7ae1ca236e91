import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { mediaLimits } from '../../../contracts/media.js';
import { AppError } from '../../errors.js';

/** A photo as it is kept: re-encoded, oriented, with no metadata, and its thumbnail. */
export interface ProcessedImage {
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  data: Buffer;
  thumbnail: { contentType: 'image/webp'; data: Buffer };
  digest: string;
}

/**
 * A re-encoded picture as the tables keeping one hold it (`media`, `journal_entry_photos`): the same
 * column names in both, so the two cannot drift in what they keep.
 */
export const pictureColumns = (image: ProcessedImage) => ({
  content_type: image.contentType,
  width: image.width,
  height: image.height,
  byte_size: image.data.length,
  data: image.data,
  thumbnail_content_type: image.thumbnail.contentType,
  thumbnail: image.thumbnail.data,
  thumbnail_byte_size: image.thumbnail.data.length,
  digest: image.digest,
});

// libvips keeps recent operations to reuse them; a photo is processed once, so the cache only holds
// memory (bench/README.md, bench:media).
sharp.cache(false);

/** What we take, by what the bytes are (never by the name or the type the phone gave). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

const refused = (message: string) => new AppError('unsupported_media_type', message, { file: message });

/**
 * Decodes an upload and encodes it afresh. The new file is made from pixels alone, so nothing of
 * the original's metadata can come through: sharp writes none unless asked (no EXIF, XMP, IPTC or
 * GPS; the colour profile is converted to sRGB and dropped). The camera's orientation is applied to
 * the pixels first, so the photo still stands the right way up without its tag.
 *
 * Refused, with a message a person can act on: anything that is not a JPEG, PNG or WebP by its
 * content (an SVG, a web page, a HEIC, whatever the phone called it), a truncated or corrupt file
 * (`failOn: 'truncated'`), and images over the pixel limit, which is checked from the header before
 * any pixel is decoded (a small file that would unpack to gigabytes).
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const decoder = () =>
    sharp(input, { failOn: 'truncated', limitInputPixels: mediaLimits.maxPixels, sequentialRead: true });

  let format: string | undefined;
  let pages = 1;
  let pixels = 0;
  try {
    // The header alone: the pixel limit is checked below, with its own message.
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    format = meta.format;
    pages = meta.pages ?? 1;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    throw refused('We could not open this as a photo. Please choose a JPEG, PNG or WebP picture.');
  }
  if (!format || !ACCEPTED.has(format))
    throw refused(
      format === 'heif'
        ? 'This photo is in the HEIC format, which we cannot open yet. On an iPhone, choosing it from the photo picker gives us a JPEG.'
        : 'Please choose a photo in JPEG, PNG or WebP format.',
    );
  if (pages > 1) throw refused('Please choose a still photo, not an animation.');
  if (pixels > mediaLimits.maxPixels)
    throw refused(
      `This picture is too large to keep (over ${mediaLimits.maxPixels / 1_000_000} megapixels). Please choose a smaller copy.`,
    );

  try {
    const { data: decoded, info } = await decoder()
      .rotate() // applies the EXIF orientation, then the tag is gone with the rest
      .resize({
        width: mediaLimits.maxEdge,
        height: mediaLimits.maxEdge,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // A picture with see-through parts (a drawing scanned to PNG) stays PNG; a photo becomes JPEG.
    const keepAlpha = info.channels === 4;
    const image = sharp(decoded, {
      raw: { width: info.width, height: info.height, channels: info.channels },
    });
    const data = keepAlpha
      ? await image.png({ compressionLevel: 9 }).toBuffer()
      : await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    const thumbnail = await sharp(decoded, {
      raw: { width: info.width, height: info.height, channels: info.channels },
    })
      .resize({ width: mediaLimits.thumbnailEdge, height: mediaLimits.thumbnailEdge, fit: 'inside' })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      contentType: keepAlpha ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
      data,
      thumbnail: { contentType: 'image/webp', data: thumbnail },
      digest: imageDigest(data),
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused('We could not read the whole of this photo; it may be damaged. Please try another copy.');
  }
}

/** How a kept image is named for caches (its ETag): the start of its SHA-256. */
export const imageDigest = (data: Buffer): string =>
  createHash('sha256').update(data).digest('base64url').slice(0, 32);

/** An image as the pipeline above keeps it, read back: its type and size. */
export interface KeptImage {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
}

/**
 * Whether an image coming back from a family's archive is exactly as this pipeline keeps one, so it
 * can be kept as it is (and a family's photos survive export and import unchanged): JPEG or PNG (a
 * preview: WebP), one frame, no EXIF, XMP, IPTC or colour profile, within the kept size, and whole
 * (every pixel decodes). Anything else answers null, and is re-encoded by `processImage` instead.
 */
export async function inspectKeptImage(input: Buffer, as: 'image' | 'preview'): Promise<KeptImage | null> {
  try {
    const meta = await sharp(input, { limitInputPixels: mediaLimits.maxPixels }).metadata();
    const formats = as === 'image' ? ['jpeg', 'png'] : ['webp'];
    const edge = as === 'image' ? mediaLimits.maxEdge : mediaLimits.thumbnailEdge;
    if (!meta.format || !formats.includes(meta.format)) return null;
    if ((meta.pages ?? 1) > 1 || meta.exif || meta.xmp || meta.iptc || meta.icc) return null;
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (width < 1 || height < 1 || width > edge || height > edge) return null;
    await sharp(input, { failOn: 'truncated', limitInputPixels: mediaLimits.maxPixels }).stats();
    return { contentType: `image/${meta.format}` as KeptImage['contentType'], width, height };
  } catch {
    return null;
  }
}
