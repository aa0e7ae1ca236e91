// Breaks resolvable: the file it names does not exist.
import { owners } from './owners.js';

export const scope = owners;
