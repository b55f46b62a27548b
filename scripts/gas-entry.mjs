// Turns the exports of src/index.ts into Apps Script top-level function stubs that keep their
// JSDoc (Sheets reads @customfunction and @param from the declaration it calls).
import ts from 'typescript';

/** Exported function declarations in `text`, with their JSDoc and parameter names. */
export function entryPoints(text, file = 'index.ts') {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const out = [];
  for (const st of sf.statements) {
    const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (!ts.isFunctionDeclaration(st) || !st.name) {
      throw new Error(`${file}: only "export function" is supported for entry points (found: ${st.getText(sf).slice(0, 60)})`);
    }
    const ranges = ts.getLeadingCommentRanges(text, st.getFullStart()) ?? [];
    const jsdoc = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**')).pop() ?? '';
    const params = st.parameters.map((p) => p.name.getText(sf).replace(/^_+/, '') || 'arg');
    out.push({ name: st.name.text, jsdoc, params, customFunction: /@customfunction\b/.test(jsdoc) });
  }
  return out;
}

/** Top-level stubs delegating to the bundle's global object. */
export function renderStubs(entries, globalName) {
  return entries
    .map(({ name, jsdoc, params }) => {
      const args = params.join(', ');
      return `${jsdoc ? `${jsdoc}\n` : ''}function ${name}(${args}) {\n  return ${globalName}.${name}(${args});\n}\n`;
    })
    .join('\n');
}
