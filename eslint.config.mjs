// Flat ESLint config: typescript-eslint's recommended rules (not type-checked, to stay fast), the
// Office add-in rules from eslint-plugin-office-addins on the code that talks to Excel, and the
// layering of src/ (docs/ARCHITECTURE.md) as import boundaries: which of our folders and which
// third-party packages each layer may import (see LAYERS below; tests/lint/boundaries.test.ts
// plants forbidden imports and checks that they are caught).
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins recognises only a request context named `context`; this project names it
// `ctx` (docs/ARCHITECTURE.md). The patched rules below see `ctx.sync()` as well as `context.sync()`.
const CONTEXT_ALIASES = new Set(["ctx", "requestContext"]);

function isAliasSync(identifier) {
  const member = identifier.parent;
  return (
    CONTEXT_ALIASES.has(identifier.name) &&
    member?.type === "MemberExpression" &&
    member.object === identifier &&
    member.property.type === "Identifier" &&
    member.property.name === "sync" &&
    member.parent?.type === "CallExpression"
  );
}

/** Runs a Program-level office-addins rule with `ctx.sync()` call sites briefly named `context`. */
function aliasContext(rule) {
  return {
    ...rule,
    create(context) {
      const listeners = rule.create(context);
      const program = listeners.Program;
      return {
        ...listeners,
        Program(node) {
          const renamed = [];
          for (const scope of context.sourceCode.scopeManager.scopes) {
            for (const ref of scope.references) {
              if (isAliasSync(ref.identifier)) {
                renamed.push([ref.identifier, ref.identifier.name]);
                ref.identifier.name = "context";
              }
            }
          }
          try {
            program?.(node);
          } finally {
            for (const [identifier, name] of renamed) identifier.name = name;
          }
        },
      };
    },
  };
}

const syncInLoopSelector =
  ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) " +
  `CallExpression[callee.property.name='sync'][callee.object.name=/^(context|${[...CONTEXT_ALIASES].join("|")})$/]`;

const officeAddinsPatched = {
  ...officeAddins,
  rules: {
    ...officeAddins.rules,
    "call-sync-before-read": aliasContext(officeAddins.rules["call-sync-before-read"]),
    "no-context-sync-in-loop": {
      meta: {
        type: "problem",
        messages: { loopedSync: "Calling context.sync() inside a loop can lead to poor performance" },
        schema: [],
      },
      create: (context) => ({
        [syncInLoopSelector]: (node) => context.report({ node, messageId: "loopedSync" }),
      }),
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Layers: for each folder of src/, the folders of ours (paths under src/) and the third-party
// packages it may import. Everything else is an error. `typeOnly` paths may be imported for their
// types only (`import type`), except from the layer's composition roots (`roots`).
// Enforced with ESLint's own no-restricted-imports (typescript-eslint's extension for
// `import type`), plus a small rule below for dynamic import(), which no-restricted-imports skips.
// ---------------------------------------------------------------------------------------------
export const LAYERS = {
  core: { may: ["core"], packages: ["zod"], pure: true },
  functions: { may: ["functions", "core"], packages: [] },
  excel: { may: ["excel", "core"], packages: ["zod"] },
  report: { may: ["report", "core"], packages: ["docx"] },
  taskpane: {
    may: ["taskpane", "core", "report"],
    typeOnly: ["excel/port"],
    roots: ["src/taskpane/index.tsx"],
    packages: ["react", "react-dom", "@fluentui/react-components"],
  },
  commands: { may: ["commands", "core"], typeOnly: ["excel/port"], dynamic: ["excel/port"], packages: [] },
  cli: {
    may: ["cli", "core", "functions", "report"],
    packages: [
      "node:",
      "commander",
      "exceljs",
      "fast-formula-parser",
      "zod",
      "docx",
      "fflate",
      "saxes",
      "yauzl",
    ],
  },
  // The browser preview (fake Excel + the real pane) is a composition root like taskpane/index.tsx;
  // it opens a user's .xlsx with the CLI's exceljs reader (in its own chunk).
  preview: {
    may: ["preview", "core", "excel", "taskpane/App", "cli/xlsx"],
    packages: ["react", "react-dom", "@fluentui/react-components", "exceljs"],
  },
};

/** Globals src/core must not touch: Office.js, Node and the DOM. */
const IMPURE_GLOBALS = [
  "Excel",
  "Office",
  "OfficeRuntime",
  "OfficeExtension",
  "CustomFunctions",
  "process",
  "Buffer",
  "require",
  "module",
  "__dirname",
  "__filename",
  "global",
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "fetch",
  "XMLHttpRequest",
].map((name) => ({ name, message: "src/core is pure TypeScript: no Office.js, Node or DOM globals." }));

const MAX_DEPTH = 6;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const alternatives = (list) => list.map(escape).join("|");

/** no-restricted-imports patterns for a file `depth` folders below src/<layer>/. */
function layerPatterns(layer, rule, depth, root) {
  const up = `(\\.\\./){${depth + 1}}`;
  const typeOnly = root ? [] : (rule.typeOnly ?? []);
  const allowed = [...rule.may, ...(root ? (rule.typeOnly ?? []) : typeOnly)];
  const packages = rule.packages.length
    ? `^(?!\\.|(${alternatives(rule.packages.filter((p) => p.endsWith(":")))}${rule.packages.some((p) => p.endsWith(":")) ? "|" : ""}(${alternatives(rule.packages.filter((p) => !p.endsWith(":")))})(/|$)))`
    : "^(?!\\.)";
  const patterns = [
    {
      regex: packages,
      message: `src/${layer} may use only these packages: ${rule.packages.join(", ") || "none"} (eslint.config.mjs LAYERS).`,
    },
    {
      regex: `^${up}(?!(${alternatives(allowed)})(/|$))`,
      message: `src/${layer} may import only from ${rule.may.map((m) => `src/${m}`).join(", ")}${typeOnly.length ? ` (and types from ${typeOnly.map((m) => `src/${m}`).join(", ")})` : ""} (eslint.config.mjs LAYERS).`,
    },
  ];
  for (const t of typeOnly)
    patterns.push({
      regex: `^${up}${escape(t)}$`,
      allowTypeImports: true,
      message: `src/${layer} may import only types from src/${t} (the composition root passes the value in).`,
    });
  return patterns;
}

/** import() is not checked by no-restricted-imports: the same patterns (plus `dynamic` paths) here. */
const layersPlugin = {
  rules: {
    "dynamic-import": {
      meta: {
        type: "problem",
        schema: [{ type: "object", additionalProperties: true }],
        messages: {
          restricted: "{{message}}",
          unknown: "import() with a computed module name can't be checked for layering.",
        },
      },
      create(context) {
        const { patterns = [] } = context.options[0] ?? {};
        const matchers = patterns.map((p) => ({ re: new RegExp(p.regex, "u"), message: p.message }));
        return {
          ImportExpression(node) {
            const src = node.source;
            const value =
              src.type === "Literal" && typeof src.value === "string"
                ? src.value
                : src.type === "TemplateLiteral" && src.expressions.length === 0
                  ? src.quasis[0].value.cooked
                  : null;
            if (value === null) return context.report({ node, messageId: "unknown" });
            const hit = matchers.find((m) => m.re.test(value));
            if (hit) context.report({ node, messageId: "restricted", data: { message: hit.message } });
          },
        };
      },
    },
  },
};

function layerConfigs() {
  const out = [];
  for (const [layer, rule] of Object.entries(LAYERS)) {
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const glob = `src/${layer}/${"*/".repeat(depth)}*.{ts,tsx}`;
      const roots = (rule.roots ?? []).filter((r) => r.split("/").length - 3 === depth);
      const variants = [{ files: [glob], ignores: roots, root: false }];
      for (const r of roots) variants.push({ files: [r], root: true });
      for (const v of variants) {
        const patterns = layerPatterns(layer, rule, depth, v.root);
        const up = `(\\.\\./){${depth + 1}}`;
        const dynamic = (rule.dynamic ?? []).map((d) => `${up}${escape(d)}$`);
        const dynamicPatterns = patterns
          .filter((p) => !p.allowTypeImports)
          .map((p) =>
            dynamic.length && p.regex.startsWith(`^${up}`)
              ? { ...p, regex: `^(?!${dynamic.join("|")})${p.regex.slice(1)}` }
              : p,
          );
        out.push({
          files: v.files,
          ...(v.ignores?.length ? { ignores: v.ignores } : {}),
          plugins: { layers: layersPlugin },
          rules: {
            "no-restricted-imports": "off",
            "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
            "layers/dynamic-import": ["error", { patterns: dynamicPatterns }],
            ...(rule.pure ? { "no-restricted-globals": ["error", ...IMPURE_GLOBALS] } : {}),
          },
        });
      }
    }
  }
  return out;
}

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-preview/**",
      "node_modules/**",
      "coverage/**",
      "out/**",
      "test-results/**",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
    rules: {
      // Leading underscore marks an intentionally unused argument.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Normal in tests and adapters working with loosely typed Office/Excel values.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-empty-function": "off",
    },
  },
  {
    // Node scripts and CommonJS config files.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The Office.js code paths: load before read, sync before read, no sync in loops.
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddinsPatched },
    rules: {
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
    },
  },
  ...layerConfigs(),
);
