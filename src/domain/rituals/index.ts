export * from './due.js';
export * from './events.js';
export * from './schedule.js';
export * from './calendar.js';
