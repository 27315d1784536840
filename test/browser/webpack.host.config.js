/**
 * Bundles the strict Excel test host (tools/excel-host/browser-entry.ts, which installs window.Office,
 * Excel and OfficeExtension) into test/artifacts/host.js. The browser tests answer the CDN's
 * office.js request with it, so the production task pane runs against a known workbook.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');

module.exports = {
  mode: 'development',
  devtool: false,
  target: 'web',
  entry: path.join(ROOT, 'tools/excel-host/browser-entry.ts'),
  output: { path: path.join(ROOT, 'test/artifacts'), filename: 'host.js', iife: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      // Microsoft's Excel client library as text (tools/excel-host/wire/library.ts evaluates it).
      { resourceQuery: /raw/, type: 'asset/source' },
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            configFile: path.join(ROOT, 'tsconfig.web.json'),
            // The host is test code outside tsconfig.web.json's include list.
            onlyCompileBundledFiles: true,
            transpileOnly: false,
            compilerOptions: { types: ['office-js'], noEmit: false },
          },
        },
      },
    ],
  },
  performance: { hints: false },
};
