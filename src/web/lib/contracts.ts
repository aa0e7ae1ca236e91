// The zod contracts the typed client checks answers with (client.ts), in a chunk of their own: the
// first screen is drawn before they arrive, and they are loaded once it has been.
export { endpoints } from '../../contracts/endpoints.js';
export { errorResponseSchema } from '../../contracts/errors.js';
