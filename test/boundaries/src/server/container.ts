import { connect } from '../db/connect.js';
import { tripsModule } from './modules/trips/index.js';

export const buildContainer = () => tripsModule(connect());
