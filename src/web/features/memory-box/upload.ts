import type { ResponseOf } from '../../../contracts/endpoints.js';
import { currentCsrfToken, currentSessionEpoch, ApiError } from '../../lib/api.js';
import { endpoints, hrefOf, settle } from '../../lib/client.js';

// A drawing goes up as the photo's own bytes (the server reads what it is from them), which the
// JSON transport in lib/api.ts does not send. This small function is the memory box's own; the
// app's upload queue (components/PhotoPicker.tsx, IndexedDB) may take it over later.

type Answer = ResponseOf<typeof endpoints.memoryBox.addDrawing>;

export async function uploadDrawing(lovedOneId: string, file: Blob): Promise<Answer> {
  const epoch = currentSessionEpoch();
  const csrf = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(hrefOf(endpoints.memoryBox.addDrawing, { params: { lovedOneId } }), {
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
    throw new ApiError(0, 'network', 'We could not send the picture. Please check the connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  return settle(endpoints.memoryBox.addDrawing, { status: response.status, ok: response.ok, payload, epoch });
}
