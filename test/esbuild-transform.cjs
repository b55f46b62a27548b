// Jest transformer: TypeScript -> CommonJS with esbuild (fast; type checking is `npm run typecheck`).
const { transformSync } = require('esbuild');
module.exports = {
  process(src, filename) {
    const out = transformSync(src, {
      loader: filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.mjs') ? 'js' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: out.code };
  },
};
