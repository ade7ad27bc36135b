// Flat ESLint config: typescript-eslint's recommended rules (not type-checked, to stay fast) and the
// Office add-in rules from eslint-plugin-office-addins on the code that talks to Excel.
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

export default tseslint.config(
  { ignores: ["dist/**", "dist-preview/**", "node_modules/**", "coverage/**", "out/**", "test-results/**", "**/*.d.ts"] },
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
);
