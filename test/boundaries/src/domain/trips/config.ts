// Breaks domain-pure: domain reads server code.
import { loadConfig } from '../../server/config.js';

export const config = loadConfig;
