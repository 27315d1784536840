/**
 * Builds the add-in's web part (Microsoft task-pane template conventions):
 *   npm run build      production build in dist/ (manifest URLs rewritten to ADDIN_URL)
 *   npm run build:dev  development build
 *   npm run dev-server https://localhost:3000 with office-addin-dev-certs certificates
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
  }
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionUrl = productionUrl;
module.exports.DEV_URL = DEV_URL;
