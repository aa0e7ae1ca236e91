// Breaks domain-no-io: a Node built-in module.
import { readFileSync } from 'node:fs';

export const read = readFileSync;
