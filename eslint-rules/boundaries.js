// Lint rule: each extension context under src/ imports only src/shared and itself; src/shared
// imports no context; src/test (fakes) only from tests. Resolves relative imports against the
// importing file, so it needs no module resolver.
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

function area(path) {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) {
    return null;
  }
  return rel.split(sep)[0] ?? null;
}

const isTestFile = (path) => /\.(test|testkit|test-d)\.tsx?$|[/\\]browser[/\\]/.test(path);

export const boundaries = {
  meta: {
    type: 'problem',
    messages: {
      crossContext: 'src/{{from}} may import only src/shared and itself (this imports src/{{to}}).',
      testOnly: 'src/test holds test fakes: import it only from tests.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = area(file);
    if (from === null) {
      return {};
    }
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) {
        return;
      }
      const to = area(resolve(dirname(file), source));
      if (to === null || to === from || to === 'shared') {
        return;
      }
      if (to === 'test') {
        if (!isTestFile(file) && from !== 'test') {
          context.report({ node, messageId: 'testOnly' });
        }
        return;
      }
      if (from === 'test') {
        return;
      }
      context.report({ node, messageId: 'crossContext', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { boundaries } };
