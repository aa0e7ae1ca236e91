import { loadConfig } from '../server/config.js';
import { buildContainer } from '../server/container.js';
import { check } from '../domain/trips/departure.js';
// Breaks cli-through-container: the CLI reaching into a module.
import { tripsService } from '../server/modules/trips/trips.service.js';
// Breaks cli-through-container and db-only-in-data-layer: table types in the CLI.
import type { Row } from '../db/schema.js';

export const run = (trip: Row<'trips'>) => [loadConfig, buildContainer, check, tripsService, trip];
