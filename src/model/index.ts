export * from './types.js';
export * from './builders.js';
export * from './visit.js';
export { toJSON, fromJSON } from './json.js';
export { modelSchema } from './schema.js';
