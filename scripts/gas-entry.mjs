// Turns the exports of src/index.ts into Apps Script top-level function stubs that keep their
// JSDoc (Sheets reads @customfunction and @param from the declaration it calls).
import ts from 'typescript';

/**
 * Exported function declarations in `text`, with their JSDoc and parameter names. An
 * `export * from './x'` is followed through `load(specifier, file)` (-> { text, file }), so
 * src/index.ts can list its surfaces in files of their own.
 */
export function entryPoints(text, file = 'index.ts', load = undefined) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const out = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && !st.exportClause && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      if (!load) throw new Error(`${file}: "export * from" needs a loader`);
      const next = load(st.moduleSpecifier.text, file);
      out.push(...entryPoints(next.text, next.file, load));
      continue;
    }
    const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (!ts.isFunctionDeclaration(st) || !st.name) {
      throw new Error(`${file}: only "export function" is supported for entry points (found: ${st.getText(sf).slice(0, 60)})`);
    }
    const ranges = ts.getLeadingCommentRanges(text, st.getFullStart()) ?? [];
    const jsdoc =
      ranges
        .map((r) => text.slice(r.pos, r.end))
        .filter((c) => c.startsWith('/**'))
        .pop() ?? '';
    const params = st.parameters.map((p) => p.name.getText(sf).replace(/^_+/, '') || 'arg');
    out.push({ name: st.name.text, jsdoc, params, customFunction: /@customfunction\b/.test(jsdoc) });
  }
  return out;
}

/**
 * Top-level stubs delegating to the bundle's global object. Custom functions keep their whole
 * JSDoc (Sheets shows it as the formula's help); the other entry points need none at run time,
 * so they carry only their first line, to keep the bundle small.
 */
export function renderStubs(entries, globalName) {
  return entries
    .map(({ name, jsdoc, params, customFunction }) => {
      const args = params.join(', ');
      const doc = customFunction ? jsdoc : summaryLine(jsdoc);
      return `${doc ? `${doc}\n` : ''}function ${name}(${args}) {\n  return ${globalName}.${name}(${args});\n}\n`;
    })
    .join('\n');
}

/** `/** First sentence. *\/` from a JSDoc block, or '' when there is none. */
function summaryLine(jsdoc) {
  const text = jsdoc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('@'))[0];
  return text ? `/** ${text.replace(/\*\//g, '* /')} */` : '';
}
