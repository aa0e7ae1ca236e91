import { defineModule } from '../module.js';
import { mediaRepository } from './media.repository.js';
import { mediaRoutes } from './media.routes.js';
import { mediaService } from './media.service.js';

export type { MediaService } from './media.service.js';
export type { MediaItem } from '../../../contracts/media.js';
export { sendPrivateFile, sendStoredFile } from './serve-file.js';
export { acceptFileBodies, fileBody, keyedUpload, uploadKeyOf, type KeyedUpload } from './upload-edge.js';
export type { ProcessedImage as PreparedPhoto } from './images.js';
export type { StoredFile } from './media.repository.js';

/**
 * The family's photos (later drawings and voice notes): re-encoded on the way in with no location or
 * camera tags, kept in the database, served only to the family's members.
 */
export const mediaModule = defineModule({
  name: 'media',
  needs: [],
  build({ db, clock, changes, config }) {
    const media = mediaService({
      repo: mediaRepository(db),
      clock,
      changeFamily: (familyId, work) => changes.within(familyId, work),
      quotaBytes: config.mediaQuotaBytes,
    });
    return {
      services: media,
      routes: [(app) => app.register(mediaRoutes, { media })],
    };
  },
});
