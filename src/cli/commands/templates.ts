import type { CommandModule } from 'yargs';
import { listTemplates } from '../../index.js';

export const templatesCommand: CommandModule = {
  command: 'templates',
  describe: 'list built-in and local (./templates) templates with their descriptions',
  handler: () => {
    const templates = listTemplates();
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates) {
      process.stdout.write(`${t.name.padEnd(width)}  ${t.builtin ? 'built-in' : 'local   '}  ${t.description}\n`);
    }
  },
};
