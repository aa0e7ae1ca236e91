import { pathOf, type ResponseOf } from '../../../contracts/endpoints.js';
import { currentCsrfToken, currentSessionEpoch, ApiError } from '../../lib/api.js';
import { settle, type endpoints } from '../../lib/client.js';

// A drawing or a voice note goes up as the file's own bytes (the server reads what it is from them), which the
// JSON transport in lib/api.ts does not send. This small function is the memory box's own; the
// app's upload queue (components/PhotoPicker.tsx, IndexedDB) may take it over later.

type FileEndpoint = typeof endpoints.memoryBox.addDrawing | typeof endpoints.memoryBox.addVoiceNote;

/** Sends a drawing's photo or a voice note's recording, as its own bytes, to a loved one's box. */
export async function uploadToBox<E extends FileEndpoint>(
  endpoint: E,
  lovedOneId: string,
  file: Blob,
): Promise<ResponseOf<E>> {
  const epoch = currentSessionEpoch();
  const csrf = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(pathOf(endpoint.path, { lovedOneId }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
        ...(csrf && { 'x-csrf-token': csrf }),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'We could not send it. Please check the connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  return settle(endpoint, { status: response.status, ok: response.ok, payload, epoch });
}
