// Where a key stands in a YAML (or JSON) file, for messages: the line and column
// of the key (of a list's item), or of the nearest parent that is there.
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { yaml } from '../lazy.js';
import type { Located, PathPart } from './errors.js';

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/** The node holding the key or item `path` ends with (the key itself in a mapping), if it is there. */
function nodeAt(doc: Document, path: PathPart[]): Ranged {
  if (path.length === 0) return doc.contents as Ranged;
  const { isMap, isScalar } = yaml();
  const parent = doc.getIn(path.slice(0, -1), true) as YamlNode | undefined;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(last));
    return pair ? (pair.key as Ranged) : undefined;
  }
  return doc.getIn(path, true) as Ranged;
}

export function yamlLocator(doc: Document, lines: LineCounter): (path: PathPart[]) => Located | undefined {
  return (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(doc, path.slice(0, depth));
      if (node?.range) {
        const at = lines.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
    }
    return undefined;
  };
}
