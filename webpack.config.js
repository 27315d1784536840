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

/** manifest.xml with every development URL replaced by the production base URL. */
function rewriteManifest(content, baseUrl) {
  const text = content.toString('utf8');
  if (baseUrl === DEV_URL) return text;
  // AppDomain is an origin without a trailing slash.
  const origin = new URL(baseUrl).origin;
  return text
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(baseUrl);
}

module.exports = async (env, options) => {
  const dev = options.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = dev ? DEV_URL : productionUrl();
  if (!dev && baseUrl === DEV_URL) {
    console.warn('[thidua] ADDIN_URL is not set: dist/manifest.xml keeps https://localhost:3000/ (fine for tests, not for deployment).');
  }

  const config = {
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
      quickcheck: './src/commands/quickcheckDialog.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      clean: true,
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
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'quickcheck.html',
        template: './src/commands/quickcheck.html',
        chunks: ['quickcheck'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // The default dossier templates, fetched by the pane from its own origin ("Tạo hồ sơ").
          { from: 'templates/*.docx', to: 'templates/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content, baseUrl) },
        ],
      }),
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
