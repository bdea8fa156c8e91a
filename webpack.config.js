// Builds the task pane and the ribbon's function file.
//   npx webpack --mode production --env target=excel   for Excel: office.js from Microsoft's CDN
//   npx webpack --env target=local                     office.js from node_modules (copied)
//   npx webpack --env target=preview                   no office.js (the pane over the simulator)
//   npx webpack serve --env target=local               https://localhost:3000 with the dev certificates
// CommonJS, as the root package is: webpack-cli loads it with require().
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { X509Certificate } = require('node:crypto');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const TARGETS = ['excel', 'local', 'preview'];
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const CERT_FILES = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };

const readCertificates = () =>
  Object.fromEntries(
    Object.entries(CERT_FILES).map(([k, f]) => [k, fs.readFileSync(path.join(CERT_DIR, f))]),
  );
const haveCertificates = () => Object.values(CERT_FILES).every((f) => fs.existsSync(path.join(CERT_DIR, f)));

/**
 * The certificates of office-addin-dev-certs, read from ~/.office-addin-dev-certs. Its `install`
 * fails as root without sudo (it also trusts the CA), so only its generate step is used here;
 * trusting the CA is done by hand (README). Without them, webpack-dev-server's own self-signed
 * certificate is used, which Office will not trust.
 */
async function devCertificates() {
  if (!haveCertificates()) {
    try {
      await require('office-addin-dev-certs/lib/generate').generateCertificates();
    } catch (e) {
      console.warn(`[xieshang] Could not generate developer certificates: ${e.message}`);
    }
  }
  if (!haveCertificates()) {
    console.warn(
      `[xieshang] No certificates in ${CERT_DIR}; serving with a self-signed certificate Office will not trust. Run: npx office-addin-dev-certs install`,
    );
    return undefined;
  }
  const certs = readCertificates();
  const expires = new Date(new X509Certificate(certs.cert).validTo);
  if (expires < new Date()) {
    console.warn(
      `[xieshang] The developer certificate in ${CERT_DIR} expired on ${expires.toISOString()}; delete the folder, restart, and trust the new ca.crt.`,
    );
  }
  return certs;
}

module.exports = async (env = {}, argv = {}) => {
  const target = env.target || 'local';
  if (!TARGETS.includes(target)) throw new Error(`--env target=${target}: use one of ${TARGETS.join(', ')}`);
  const production = argv.mode === 'production';
  const officeJs = { excel: CDN_OFFICE_JS, local: 'office-js/office.js', preview: '' }[target];
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: name, template, chunks, officeJs, scriptLoading: 'defer' });
  const certificates = env.WEBPACK_SERVE && target !== 'preview' ? await devCertificates() : undefined;
  return {
    mode: production ? 'production' : 'development',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/taskpane/commands.ts',
      // The employee's phone page (QR intake, receipts, meeting sign-in): React and jose only, every target.
      phone: './addin/phone/index.tsx',
      // The Office dialog that signs in with MSAL where neither nested app auth nor Office SSO can (addin/cloud/entra.ts).
      ...(target === 'preview' ? {} : { 'auth-dialog': './addin/auth/dialog.ts' }),
      // The preview hosts the pane beside the Excel simulator: no Excel, no office.js.
      ...(target === 'preview' ? { preview: './addin/preview/preview.tsx' } : {}),
    },
    output: {
      path: path.resolve(__dirname, env.out || 'dist/addin'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        // shared/ is the pure domain core (no module runs anything on import but its own definitions):
        // saying so lets the phone page's bundle leave out the registers, checks and ledgers it never uses.
        { test: /[\\/]shared[\\/]/, sideEffects: false },
        {
          test: /\.[jt]sx?$/,
          // jose ships ES2022 (class fields, private #members, ??=): lowered to ES2020 with our code, so the
          // phone page parses in older WeChat webviews (iOS WKWebView before Safari 14.1/15).
          exclude: /node_modules[\\/](?!jose[\\/])/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic' },
        },
      ],
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    // React and Fluent UI make one large chunk; the pane loads it once per session.
    performance: { maxEntrypointSize: 1_500_000, maxAssetSize: 1_500_000 },
    plugins: [
      page('taskpane.html', './addin/taskpane/index.html', ['taskpane']),
      page('commands.html', './addin/taskpane/commands.html', ['commands']),
      page('phone.html', './addin/phone/index.html', ['phone']),
      ...(target === 'preview'
        ? []
        : [page('auth-dialog.html', './addin/auth/dialog.html', ['auth-dialog'])]),
      ...(target === 'preview' ? [page('preview.html', './addin/preview/preview.html', ['preview'])] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets', to: 'assets' },
          { from: 'addin/taskpane/help.html', to: 'help.html' },
          ...(target === 'local'
            ? [{ from: path.join(OFFICE_JS_DIR, 'office.js'), to: 'office-js/office.js' }]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      // The preview needs no certificate (http://localhost:3000/preview.html); Excel needs https.
      server:
        target === 'preview' ? 'http' : certificates ? { type: 'https', options: certificates } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      // office.js loads its host and locale files next to itself: serve the whole package folder.
      static:
        target === 'local' ? [{ directory: OFFICE_JS_DIR, publicPath: '/office-js', watch: false }] : false,
      client: { overlay: { warnings: false } },
    },
  };
};
