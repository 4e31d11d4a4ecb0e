// An example zhpress plugin: a small HTML edition, one page per input, from the
// model alone (no zhpress import needed: a writer gets the edition as plain data).
//
//   zhpress build seeds --plugin examples/plugin-html/index.js --format html
//
// A writer is { extension, write(edition, context) } and returns { data, report }:
// data a string (or bytes), report what it dropped or noticed (here: nothing).

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Inline nodes: text, strong, emphasis, and a paragraph's run-in lead. */
function inlines(nodes) {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escape(node.value);
      const inner = inlines(node.children);
      if (node.type === 'emphasis') return `<em>${inner}</em>`;
      return node.type === 'lead' ? `<strong class="lead">${inner}</strong>` : `<strong>${inner}</strong>`;
    })
    .join('');
}

const marked = (node) => (node.marker ? `<span class="marker">${escape(node.marker)}</span>` : '') + inlines(node.children);

/** One handler per block type of the model. */
const blocks = {
  heading: (b) => `<h${b.depth + 1}>${marked(b)}</h${b.depth + 1}>`,
  paragraph: (b) => `<p${b.role ? ` class="${b.role}"` : ''}>${marked(b)}</p>`,
  subhead: (b) => `<p class="subhead"><strong>${inlines(b.children)}</strong></p>`,
  quote: (b) => `<blockquote><p>${inlines(b.children)}</p></blockquote>`,
  dateline: (b) => `<p class="dateline">${inlines(b.children)}</p>`,
  continuation: (b) => `<p class="continuation">${inlines(b.children)}</p>`,
  list: (b) => {
    const tag = b.style === 'ordered' ? 'ol' : 'ul';
    return `<${tag} class="${b.style}">${b.children.map((item) => `<li>${marked(item)}</li>`).join('')}</${tag}>`;
  },
};

function article(a) {
  const { kicker, title, subtitle, notes = [], byline, bylineInText } = a.meta;
  const head = [
    kicker && `<p class="kicker">${escape(kicker)}</p>`,
    title && `<h1>${escape(title)}</h1>`,
    subtitle && `<p class="subtitle">${escape(subtitle)}</p>`,
    ...notes.map((note) => `<p class="note">${escape(note)}</p>`),
    byline && !bylineInText && `<p class="byline">${escape(byline)}</p>`,
  ].filter(Boolean);
  const body = a.children.map((block) => blocks[block.type](block));
  return `<article id="${escape(a.id)}">\n<header>${head.join('')}</header>\n${body.join('\n')}\n</article>`;
}

const STYLE = 'body{max-width:40em;margin:2em auto;line-height:1.8;font-family:"Noto Serif SC",serif}p{text-indent:2em;text-align:justify}p.kicker,p.subtitle,p.note,p.byline,p.subhead,p.signature,p.dateline{text-indent:0}p.signature{text-align:right}';

function write(edition) {
  const { lang, title, publication } = edition.meta;
  const name = title ?? edition.children[0]?.meta.title ?? '';
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escape(lang)}">`,
    `<head><meta charset="utf-8"><title>${escape(name)}</title><style>${STYLE}</style></head>`,
    '<body>',
    publication ? `<p class="publication">${escape(publication)}</p>` : '',
    ...edition.children.map(article),
    '</body>',
    '</html>',
    '',
  ];
  return { data: html.filter((line) => line !== '').join('\n') + '\n', report: [] };
}

export default {
  name: 'html',
  writers: { html: { extension: 'html', label: 'HTML', write } },
};
