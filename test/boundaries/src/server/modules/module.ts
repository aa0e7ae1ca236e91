import type { tripsModule } from './trips/index.js';

// Allowed: the Module registry names each module's type; the cycle it makes is erased at compile time.
export interface Module {
  build(db: unknown): unknown;
}
export type Registry = { trips: typeof tripsModule };
