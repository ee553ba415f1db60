// Jest on Node 20 cannot require() ESM packages (NestJS 12, TypeORM 1 are ESM-only), so unit
// tests compile them to CommonJS with swc. `import.meta.url` has no CommonJS meaning: map it to
// the file URL, and drop the `const require = createRequire(...)` that would shadow `require`.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } },
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
});

module.exports = {
  process(src, filename, options) {
    const patched = src
      .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href");
    return swc.process(patched, filename, options);
  },
  getCacheKey(src, filename, options) {
    return 'esm-cjs-1:' + swc.getCacheKey(src, filename, options);
  },
};
