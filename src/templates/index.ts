export type * from './types.js';
export { FONT_ROLES, STYLE_NAMES } from './types.js';
export { BUILTIN_DIR, findTemplate, forgetTemplates, listTemplates, loadTemplate, type TemplateInfo } from './load.js';
export { typeArea } from './resolve.js';
export { pageSize } from './page.js';
export { mmToPt } from './units.js';
