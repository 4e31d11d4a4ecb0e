import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { FONT_ROLES, loadTemplate, resolveRoles, usedRoles } from '../../index.js';
import { reportLocalFonts } from '../report.js';

interface Args {
  template: string;
  variant: string;
}

export const fontsCommand: CommandModule<object, Args> = {
  command: 'fonts',
  describe: 'list each font role, the family it resolved to and its file',
  builder: (y) =>
    y.options({
      template: { type: 'string', default: 'briefing', describe: 'template whose fonts to resolve (name or path)' },
      variant: { type: 'string', default: 'zh-Hans', describe: 'variant whose font settings to use' },
    }),
  handler: async (args) => {
    await reportLocalFonts();
    const template = loadTemplate(args.template, args.variant as never);
    const used = usedRoles(template);
    const { roles, notices } = resolveRoles(template.fonts, used);
    for (const role of FONT_ROLES) {
      const r = roles[role];
      const face = (f: { file: string; postscriptName?: string; pieces?: readonly string[] } | undefined) =>
        !f ? '-' : f.pieces ? `${f.pieces.length} pieces in ${dirname(f.pieces[0]!)}, merged into one font when first used (kept in the cache folder)` : `${f.file}${f.postscriptName ? ` [${f.postscriptName}]` : ''}`;
      const note = !used.has(role) ? '  (no style of the template uses it)' : r.fallback ? `  \u2190 fallback for "${r.requested}"` : '';
      process.stdout.write(`${role.padEnd(9)} ${r.family.name} (${r.family.source})${note}\n`);
      process.stdout.write(`          regular: ${face(r.family.normal)}\n          bold:    ${r.family.bold ? face(r.family.bold) : '(none: the regular face is used)'}\n`);
    }
    for (const notice of notices) process.stderr.write(`notice: ${notice.message}\n`);
  },
};
