import { migrate } from '../db/migrate.js';
import { buildContainer } from './container.js';

export const buildApp = () => [buildContainer(), migrate];
