import { defineModule } from '../module.js';
import { mediaUsesRepository } from './media-uses.repository.js';
import { mediaRepository } from './media.repository.js';
import { mediaRoutes } from './media.routes.js';
import { mediaService } from './media.service.js';

export type { KeptForLovedOne, MediaService } from './media.service.js';
export type { MediaItem } from '../../../contracts/media.js';
export { sendPrivateFile, sendStoredFile } from './serve-file.js';
export { acceptFileBodies, fileBody, keyedUpload, uploadKeyOf, type KeyedUpload } from './upload-edge.js';
export type { ProcessedImage as PreparedPhoto } from './images.js';
export { imageDigest, inspectKeptImage, pictureColumns, processImage, type KeptImage } from './images.js';
export type { StoredFile } from './media.repository.js';

/**
 * The family's photos and drawings: re-encoded on the way in with no location or camera tags, kept
 * in the database, served only to the family's members; the family's room (voice notes, kept by the
 * memory box, and photos on journal entries, kept by the journal, counted in it through
 * `voiceNoteBytes` and `journalPhotoBytes`); which pictures only one loved one uses.
 */
export const mediaModule = defineModule({
  name: 'media',
  needs: [],
  asks: ['voiceNoteBytes', 'journalPhotoBytes'],
  build({ db, clock, changes, config }, _use, ask) {
    const media = mediaService({
      repo: mediaRepository(db),
      uses: mediaUsesRepository(db),
      clock,
      changeFamily: (familyId, work) => changes.within(familyId, work),
      quotaBytes: config.mediaQuotaBytes,
      voiceNoteBytes: ask('voiceNoteBytes'),
      journalPhotoBytes: ask('journalPhotoBytes'),
    });
    return {
      services: media,
      routes: [(app) => app.register(mediaRoutes, { media })],
    };
  },
});
