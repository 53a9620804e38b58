// Trunk pre_build hook: bundle the CodeMirror 6 editor (www/editor/*.js and the npm packages it
// imports) into one ES module, `code-editor.js`, in Trunk's staging directory. Nothing is fetched
// at run time: the page loads it from its own origin (`script-src 'self'`).
//
// The page's CSP has `style-src 'self'`, so the <style> elements CodeMirror's style-mod writes for
// its themes would be refused. style-mod already uses a constructable stylesheet
// (`adoptedStyleSheets`, not governed by style-src) for shadow roots; the plugin below lets it do
// the same for the document, and fails the build if style-mod's code changed so the patch no
// longer applies (better than an editor without styles).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? path.join(root, 'dist');
const STYLE_MOD_CHECK = 'if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet)';

const adoptedStylesForDocuments = {
  name: 'adopted-styles-for-documents',
  setup(b) {
    b.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(STYLE_MOD_CHECK)) {
        throw new Error(`style-mod changed: "${STYLE_MOD_CHECK}" not found; revisit the CSP patch`);
      }
      return { contents: source.replace(STYLE_MOD_CHECK, 'if (root.adoptedStyleSheets && win.CSSStyleSheet)'), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [path.join(root, 'www/editor/main.js')],
  bundle: true,
  format: 'esm',
  minify: process.env.EDITOR_MINIFY !== '0',
  target: 'es2020',
  legalComments: 'none',
  outfile: path.join(outDir, 'code-editor.js'),
  plugins: [adoptedStylesForDocuments],
  logLevel: 'warning',
});
