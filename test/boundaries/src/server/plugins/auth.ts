// Breaks no-cycles: auth.ts → session.ts → auth.ts.
import { session } from './session.js';

export const auth = () => session();
