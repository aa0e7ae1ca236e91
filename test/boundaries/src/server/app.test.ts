import { connect } from '../db/connect.js';
import { buildApp } from './app.js';
import { fakeClock } from './test/clock.js';

export const cases = [buildApp(), fakeClock, connect];
