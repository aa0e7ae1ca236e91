import { lovedOnesModule } from '../loved-ones/index.js';
// Breaks module-through-index: another module's repository, not its index.ts.
import { listLovedOnes } from '../loved-ones/loved-ones.repository.js';
import { findTrip } from './trips.repository.js';
// Breaks db-only-in-data-layer: a service opening a connection of its own.
import { connect } from '../../../db/connect.js';

export const tripsService = (db: unknown) => [lovedOnesModule, listLovedOnes, findTrip, connect, db];
