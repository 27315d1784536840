/**
 * Builds the add-in's web part (Microsoft task-pane template conventions):
 *   npm run build      production build in dist/ (manifest URLs rewritten to ADDIN_URL)
 *   npm run build:dev  development build
 *   npm run dev-server https://localhost:3000 with office-addin-dev-certs certificates
 * and, beside the add-in, the offline page dist/thidua.html (offlineConfigs below): one file with
 * everything inlined, the pane over the command line's reader and writer, run in a worker.
 *
 * Office.js is NOT bundled: taskpane.html and commands.html load it from Microsoft's CDN, as the
 * store requires. ts-loader type-checks (transpileOnly: false) against tsconfig.web.json, whose
 * module "esnext" lets `import()` split docxtemplater & co. out of the first bundle.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const fs = require('fs');
const webpack = require('webpack');
const { hashedName, KeepPreviousRelease } = require('./scripts/release-files');
const { version } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';

/** The production base URL: ADDIN_URL, normalised with a trailing slash; HTTPS is mandatory. */
function productionUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return DEV_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL "${raw}" is not a URL (expected e.g. https://addins.example.gov.vn/thidua/)`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must use https:// (Office loads add-ins over HTTPS only): ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * manifest.xml with every development URL replaced by the production base URL, and the static
 * files it names (icons) by their content-hashed names (`renames`: "assets/icon-16.png" → hashed).
 */
function rewriteManifest(content, baseUrl, renames = {}) {
  let text = content.toString('utf8');
  for (const [from, to] of Object.entries(renames)) text = text.split(`${DEV_URL}${from}"`).join(`${DEV_URL}${to}"`);
  if (baseUrl === DEV_URL) return text;
  // AppDomain is an origin without a trailing slash.
  const origin = new URL(baseUrl).origin;
  return text
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(baseUrl);
}

/**
 * Every static file but the pages Office opens by name (taskpane.html, commands.html,
 * quickcheck.html, luu-tep.html) and the manifest gets a content hash in production: an updated
 * file is a new URL, so no cache can serve a stale one. Returns source path → output path.
 */
function staticFiles(dev) {
  const list = [
    'src/taskpane/taskpane.css',
    ...fs.readdirSync(path.join(__dirname, 'assets')).filter((f) => f.endsWith('.png')).map((f) => `assets/${f}`),
    ...fs.readdirSync(path.join(__dirname, 'templates')).filter((f) => f.endsWith('.docx')).map((f) => `templates/${f}`),
  ];
  const out = {};
  for (const src of list) {
    const plain = src.startsWith('src/taskpane/') ? path.basename(src) : src;
    out[src] = dev ? plain : hashedName(plain, fs.readFileSync(path.join(__dirname, src)));
  }
  return out;
}

const OFFLINE_WORKER_DIR = path.resolve(__dirname, 'build/offline-worker');
/** Replaced by the worker's source once both are minified (a DefinePlugin value cannot wait for another build). */
const WORKER_TOKEN = '@@THIDUA_OFFLINE_WORKER@@';

/** Escapes what would end or confuse an inline <script> (the text stays the same JavaScript). */
function inlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * Writes dist/thidua.html: the page's script (with the worker's inside it), the pane's and the
 * page's styles and the icon, inlined; a Content-Security-Policy that lets nothing be fetched or
 * sent (connect-src 'none'; the one script allowed by its hash; the worker from a blob: URL).
 * No web font is used (the pane's font stack is the system's), so none is inlined.
 */
class InlineOfflinePage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineOfflinePage', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineOfflinePage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const names = Object.keys(assets).filter((n) => n.endsWith('.js'));
        if (names.length !== 1) throw new Error(`offline page: expected one script, got ${names.join(', ')}`);
        const worker = fs.readFileSync(path.join(OFFLINE_WORKER_DIR, 'worker.js'), 'utf8');
        let js = assets[names[0]].source().toString();
        const quoted = [`"${WORKER_TOKEN}"`, `'${WORKER_TOKEN}'`];
        if (!quoted.some((q) => js.includes(q))) throw new Error('offline page: the worker placeholder is missing');
        for (const q of quoted) js = js.split(q).join(JSON.stringify(worker));
        js = inlineScript(js);
        const hash = require('crypto').createHash('sha256').update(js, 'utf8').digest('base64');
        const csp = [
          "default-src 'none'",
          `script-src 'sha256-${hash}' blob:`,
          'worker-src blob:',
          'child-src blob:',
          "style-src 'unsafe-inline'",
          'img-src data: blob:',
          "connect-src 'none'",
          "font-src 'none'",
          "form-action 'none'",
          "base-uri 'none'",
        ].join('; ');
        const css = ['src/taskpane/taskpane.css', 'src/offline/offline.css'].map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
        const icon = `data:image/png;base64,${fs.readFileSync(path.join(__dirname, 'assets/icon-16.png')).toString('base64')}`;
        const template = fs.readFileSync(path.join(__dirname, 'src/offline/thidua.html'), 'utf8');
        const html = template
          .replace('%CSP%', () => csp)
          .replace('%ICON%', () => icon)
          .replace('%CSS%', () => css.replace(/<\/style/gi, '<\\/style'))
          .replace('%JS%', () => js);
        for (const n of Object.keys(assets)) compilation.deleteAsset(n);
        // Marked minimized: webpack's default minimizer would rewrite the HTML (and the script whose hash the CSP holds).
        compilation.emitAsset('thidua.html', new webpack.sources.RawSource(html), { minimized: true });
      });
    });
  }
}

/** The offline page's two builds: its worker first, then the page that carries it. */
function offlineConfigs(dev) {
  const shims = path.resolve(__dirname, 'src/offline/shims');
  const ts = {
    loader: 'ts-loader',
    // Type-checked by npm run lint (tsconfig.offline.json); here only transpiled.
    options: { configFile: path.resolve(__dirname, 'tsconfig.offline.json'), transpileOnly: true },
  };
  const common = {
    mode: dev ? 'development' : 'production',
    devtool: false,
    resolve: {
      extensions: ['.ts', '.js'],
      // The xlsx layer's Node modules, for the browser (src/offline/shims: fflate for zlib).
      alias: { zlib: path.join(shims, 'zlib.ts'), buffer: path.join(shims, 'buffer.ts'), path: path.join(shims, 'path.ts') },
      fallback: { fs: false },
    },
    module: {
      rules: [
        { test: /\.ts$/, include: path.resolve(__dirname, 'src/xlsx'), use: [path.resolve(__dirname, 'scripts/offline-buffer-loader.js'), ts] },
        { test: /\.ts$/, exclude: [/node_modules/, path.resolve(__dirname, 'src/xlsx')], use: ts },
      ],
    },
    performance: { hints: false },
  };
  const templateData = Object.fromEntries(
    fs.readdirSync(path.join(__dirname, 'templates')).filter((f) => f.endsWith('.docx')).map((f) => [f, fs.readFileSync(path.join(__dirname, 'templates', f)).toString('base64')]),
  );
  return [
    {
      ...common,
      name: 'offline-worker',
      target: 'webworker',
      entry: { worker: './src/offline/worker.ts' },
      output: { path: OFFLINE_WORKER_DIR, filename: 'worker.js', clean: true },
      plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
    },
    {
      ...common,
      name: 'offline-page',
      dependencies: ['offline-worker'],
      target: 'web',
      entry: { thidua: './src/offline/index.ts' },
      // Only thidua.html is emitted (the script is inlined into it); nothing else of dist/ is touched.
      output: { path: path.resolve(__dirname, 'dist'), filename: 'thidua-offline.js', clean: false },
      plugins: [
        new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
        new webpack.DefinePlugin({
          __APP_VERSION__: JSON.stringify(version),
          __TEMPLATE_DATA__: JSON.stringify(templateData),
          __OFFLINE_WORKER__: JSON.stringify(WORKER_TOKEN),
        }),
        new InlineOfflinePage(),
      ],
    },
  ];
}

module.exports = async (env, options) => {
  const dev = options.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = dev ? DEV_URL : productionUrl();
  if (!dev && baseUrl === DEV_URL) {
    console.warn('[thidua] ADDIN_URL is not set: dist/manifest.xml keeps https://localhost:3000/ (fine for tests, not for deployment).');
  }

  const files = staticFiles(dev);
  const css = files['src/taskpane/taskpane.css'];
  const icon16 = files['assets/icon-16.png'];
  const iconRenames = Object.fromEntries(Object.entries(files).filter(([src]) => src.startsWith('assets/')));
  // The pane fetches its default dossier templates by these names ("Tạo hồ sơ").
  const templateUrls = Object.fromEntries(Object.entries(files).filter(([src]) => src.startsWith('templates/')).map(([src, out]) => [path.basename(src), out]));
  const page = (filename, template, chunks) => new HtmlWebpackPlugin({ filename, template, chunks, templateParameters: { css, icon16, version } });

  const config = {
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
      quickcheck: './src/commands/quickcheckDialog.ts',
      save: './src/save/save.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      // No "clean": the previous release's files stay one release (scripts/release-files.js).
      clean: false,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(__dirname, 'tsconfig.web.json'), transpileOnly: false },
          },
        },
      ],
    },
    performance: {
      // The first bundle's budget (issue 4): 250 KB gzip ≈ 900 KB raw; warn above that.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
      hints: dev ? false : 'warning',
    },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands.html', './src/commands/commands.html', ['commands']),
      page('quickcheck.html', './src/commands/quickcheck.html', ['quickcheck']),
      page('luu-tep.html', './src/save/luu-tep.html', ['save']),
      new webpack.DefinePlugin({
        __APP_VERSION__: JSON.stringify(version),
        __TEMPLATE_URLS__: JSON.stringify(templateUrls),
      }),
      new CopyWebpackPlugin({
        patterns: [
          ...Object.entries(files).map(([from, to]) => ({ from, to })),
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content, baseUrl, iconRenames) },
        ],
      }),
      new KeepPreviousRelease(),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };

  if (serving) {
    // Only the dev server needs (and installs) the development certificates.
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
    return config;
  }
  return [config, ...offlineConfigs(dev)];
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionUrl = productionUrl;
module.exports.DEV_URL = DEV_URL;
module.exports.offlineConfigs = offlineConfigs;
