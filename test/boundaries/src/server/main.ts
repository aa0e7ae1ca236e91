// Breaks test-helpers-only-in-tests: production code using a test helper.
import { buildApp } from './app.js';
import { fakeClock } from './test/clock.js';

export const main = () => [buildApp(), fakeClock];
