/* Webpack 5 build of the Excel add-in (shared runtime), after Microsoft's "Excel Custom Functions
 * using a Shared Runtime" template, with a React task pane.
 *
 *   npx webpack --mode production                    → dist/ with https://localhost:3000/ URLs
 *   ADDIN_URL=https://rst.example.no/ npm run build  → dist/manifest.xml (and functions.json helpUrls)
 *                                                      point at the production address
 *   OFFICE_JS=local (or --env officejs=local)        → taskpane.html loads office/office.js copied from
 *                                                      @microsoft/office-js (offline preview and tests)
 *   npm run dev-server                               → https://localhost:3000
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeMetadata, readTable, TABLE: NB_TABLE } = require("./scripts/functions-locale.cjs");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** ADDIN_URL from --env or the environment, with one trailing slash; null when unset. */
function productionUrl(env) {
  const raw = (env.ADDIN_URL || process.env.ADDIN_URL || "").trim();
  if (!raw) return null;
  if (!/^https:\/\/[^/\s]+/i.test(raw)) {
    throw new Error(`ADDIN_URL må være en https-adresse (Office krever https), fikk «${raw}».`);
  }
  return raw.replace(/\/+$/, "") + "/";
}

/** Replaces every development URL in a text file's content. */
function rewriteUrls(content, url) {
  return url ? content.toString().split(DEV_URL).join(url) : content;
}

/** Rewrites emitted JSON assets (functions.json helpUrls) after the metadata plugin has added them. */
class RewriteUrlsPlugin {
  constructor(url, files) {
    this.url = url;
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteUrlsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (!asset || !this.url) continue;
            const text = rewriteUrls(asset.source.source().toString(), this.url);
            compilation.updateAsset(file, new webpack.sources.RawSource(text));
          }
        },
      );
    });
  }
}

/**
 * Emits functions-nb-NO.json next to functions.json: the same metadata with the Norwegian names of
 * src/functions/functions.nb-NO.json, for Norwegian Excel (the manifest's nb-NO override of
 * Functions.Metadata.Url). A function or parameter without a Norwegian name fails the build.
 */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(NB_TABLE);
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin has reported its own error
          const { metadata, errors } = localizeMetadata(
            JSON.parse(asset.source.source().toString()),
            readTable(),
          );
          for (const e of errors)
            compilation.errors.push(new webpack.WebpackError(`functions-nb-NO.json: ${e}`));
          if (metadata)
            compilation.emitAsset(
              "functions-nb-NO.json",
              new webpack.sources.RawSource(JSON.stringify(metadata, null, 4)),
            );
        },
      );
    });
  }
}

/** Emits build-info.json: how dist/ was built, so tests can tell a stale or differently built dist. */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BuildInfoPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BuildInfoPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const json = JSON.stringify(this.info, null, 2) + "\n";
          compilation.emitAsset("build-info.json", new webpack.sources.RawSource(json));
        },
      );
    });
  }
}

/** Office.js and the files it loads at start-up outside the CDN (mapping table, strings, promise shim). */
function officeJsPatterns() {
  const files = ["office.js", "o15apptofilemappingtable.js", "es6-promise.js"];
  const dirs = ["en-us", "nb-no"];
  // Already minified by Microsoft: copy as is (info.minimized keeps terser off them).
  return [...files, ...dirs].map((name) => ({
    from: path.join(OFFICE_JS_DIR, name),
    to: `office/${name}`,
    info: { minimized: true },
  }));
}

/** HTTPS options from office-addin-dev-certs' folder, or undefined to let the dev server self-sign. */
function devCerts() {
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const found = Object.values(files).every((f) => fs.existsSync(path.join(CERT_DIR, f)));
  if (!found) {
    console.warn(
      `Fant ingen utviklersertifikater i ${CERT_DIR}: kjør \`npx office-addin-dev-certs install\` ` +
        "(bruker et selvsignert sertifikat inntil videre / no dev certs found, using a self-signed one).",
    );
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(files).map(([key, file]) => [key, fs.readFileSync(path.join(CERT_DIR, file))]),
  );
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const url = dev ? null : productionUrl(env);
  const officeJs = String(env.officejs || process.env.OFFICE_JS || "cdn").toLowerCase();
  if (!["cdn", "local"].includes(officeJs)) {
    throw new Error(`OFFICE_JS må være «cdn» eller «local», fikk «${officeJs}».`);
  }
  if (!fs.existsSync(path.resolve(__dirname, FUNCTIONS_SOURCE))) {
    throw new Error(`${FUNCTIONS_SOURCE} mangler: custom functions må finnes før tillegget kan bygges.`);
  }
  const helpDir = path.resolve(__dirname, "src/functions/help");

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteUrls(content, url) },
  ];
  // Function help pages (src/functions/help/*.html), when there are any.
  copyPatterns.push({ from: helpDir, to: "help", noErrorOnMissing: true });
  if (officeJs === "local") copyPatterns.push(...officeJsPatterns());

  return {
    mode,
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Stable names: the manifest and the tests refer to them.
      filename: "[name].js",
      chunkFilename: "[name].js",
      // dist/cli is the CLI build (build:cli); keep it when the add-in is rebuilt.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { sourceMap: dev, noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      // Writes functions.json from the JSDoc tags and appends the CustomFunctions.associate() calls.
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new LocalizedMetadataPlugin(),
      new RewriteUrlsPlugin(url, ["functions.json", "functions-nb-NO.json"]),
      // builtAt is the start of the build, so a source edited during the build counts as newer.
      new BuildInfoPlugin({ mode, addinUrl: url, officeJs, builtAt: Date.now() }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime page: functions and the ribbon command register before the pane renders.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl: officeJs === "local" ? "office/office.js" : OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port) || 3000,
          host: "localhost",
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: devCerts() },
          static: false,
        }
      : undefined,
  };
};
