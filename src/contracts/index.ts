export * from './errors.js';
export * from './fields.js';
export * from './permissions.js';
export * from './accounts.js';
export * from './loved-ones.js';
export * from './trips.js';
export * from './family.js';
export * from './children.js';
