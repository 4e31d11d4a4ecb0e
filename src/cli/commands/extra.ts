// Commands that list what templates and fonts resolve to (from their own modules).
import type { CommandModule } from 'yargs';
import { fontsCommand } from './fonts.js';
import { templatesCommand } from './templates.js';

export const extraCommands: CommandModule[] = [templatesCommand as CommandModule, fontsCommand as CommandModule];
