// The Word edition (docx): named styles from the template, one section per
// article, cover and contents, running header and footer with fields. The
// package is then made reproducible: fixed core properties and zip dates.
import { Document } from 'docx';
import type { Change } from '../../model/types.js';
import type { Writer } from '../types.js';
import { missingFonts } from '../missing-fonts.js';
import { usedRoles } from '../../templates/roles.js';
import { finishPackage, packageParts } from './package.js';
import { docxSections, needsEvenPages, textWidth } from './sections.js';
import { fontTableXml } from './font-table.js';
import { docxStyles, wordFonts } from './styles.js';
import { charactersOf, fontsToEmbed, rekeyEmbeddedFonts } from './embed-fonts.js';

/** The date written when none is given: never the clock. */
const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

export const docxWriter: Writer = {
  extension: 'docx',
  async write(edition, { template, date, embedFonts, fonts = missingFonts('docx') }) {
    const used = usedRoles(template);
    const { roles, notices } = fonts;
    // With --embed-fonts the copy names the PDF's families and carries them.
    const embed = embedFonts ? fontsToEmbed(fonts, used, template, charactersOf([edition, template])) : undefined;
    const embeddedNames = new Set(embed?.fonts.map((f) => f.name));
    const names = wordFonts(template, roles);
    for (const role of Object.keys(names) as (keyof typeof names)[]) if (embeddedNames.has(roles[role].family.name)) names[role] = roles[role].family.name;
    const report: Change[] = [...notices, ...(embed?.notices ?? [])];
    const when = date ?? FALLBACK_DATE;
    const meta = edition.meta;
    const titles = edition.children.map((a) => a.meta.title).filter((t): t is string => Boolean(t));
    const properties = {
      title: meta.title ?? titles[0] ?? '',
      subject: titles.join('\uFF1B'),
      // The author is the publication when one is given, else none (never a path or a tool).
      creator: meta.publication ?? '',
      keywords: [meta.publication, meta.lang].filter(Boolean).join(', '),
      description: [meta.publication, meta.page && template.cover.pageLabel.replaceAll('{page}', meta.page), meta.date, meta.source].filter(Boolean).join(' '),
      language: meta.lang,
      date: when,
    };
    const document = new Document({
      title: properties.title,
      subject: properties.subject,
      creator: properties.creator,
      keywords: properties.keywords,
      description: properties.description,
      lastModifiedBy: 'zhpress',
      revision: 1,
      styles: docxStyles(template, names, meta.lang),
      evenAndOddHeaderAndFooters: needsEvenPages(template),
      sections: docxSections(edition, template),
      ...(embed?.fonts.length ? { fonts: embed.fonts } : {}),
      // docx/layout can estimate the contents' page numbers, but it costs about 1 s a
      // document; set ZHPRESS_DOCX_TOC_PAGES=1 to have them. Otherwise the entries are
      // written without numbers and Word is asked to update fields on opening, which
      // fills them in (LibreOffice when its fields are updated).
      ...(process.env.ZHPRESS_DOCX_TOC_PAGES === '1'
        ? { pageNumbers: (await import('./toc-pages.js')).pageNumberEstimator(fonts) }
        : template.toc.enabled
          ? { features: { updateFields: true } }
          : {}),
    });
    const parts = await packageParts(document);
    const embedded = embed?.fonts.length ? rekeyEmbeddedFonts(parts) : undefined;
    const fontTable = fontTableXml([...used].map((role) => names[role]), meta.lang, embedded);
    const data = finishPackage(parts, { properties, lang: meta.lang, textWidth: textWidth(template), hanLatinSpace: template.hanLatinSpace > 0, fontTable, subsetFonts: Boolean(embedded?.size) });
    return { data, report };
  },
};
