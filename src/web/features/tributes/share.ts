import type { TributeSize } from '../../../contracts/tributes.js';
import { endpoints, hrefOf } from '../../lib/client.js';

// Sharing a tribute's picture. On a phone that can share files (the Web Share API, level 2) the
// system share sheet opens with the PNG and the caption, and the person picks Instagram, Messages
// or anything else themselves; elsewhere the PNG is downloaded. Nothing is ever posted for them.

export const pictureHref = (tributeId: string, size: TributeSize) =>
  hrefOf(endpoints.tributes.picture, { params: { tributeId }, query: { size } });

export const pictureFileName = (name: string, size: TributeSize) =>
  `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'tribute'}-${size}.png`;

async function pictureFile(tributeId: string, size: TributeSize, fileName: string): Promise<File> {
  const response = await fetch(pictureHref(tributeId, size), { credentials: 'same-origin' });
  if (!response.ok) throw new Error('The picture could not be made just now.');
  return new File([await response.blob()], fileName, { type: 'image/png' });
}

/** Whether this browser can hand a picture to the system share sheet. */
export function canShareFiles(): boolean {
  if (typeof navigator.canShare !== 'function' || typeof navigator.share !== 'function') return false;
  const probe = new File([new Uint8Array([0])], 'probe.png', { type: 'image/png' });
  return navigator.canShare({ files: [probe] });
}

/** Opens the share sheet with the picture and caption; 'cancelled' when the person closed it. */
export async function sharePicture(
  tributeId: string,
  size: TributeSize,
  fileName: string,
  caption: string,
): Promise<'shared' | 'cancelled'> {
  const file = await pictureFile(tributeId, size, fileName);
  try {
    await navigator.share({ files: [file], text: caption });
    return 'shared';
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    throw error;
  }
}
