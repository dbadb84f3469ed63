import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PROVIDER_ROOTS = ['@cdktf/provider-azurerm', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];
// Deep imports only: the package root of a prebuilt provider loads every resource class.
const DEEP_IMPORTS = PROVIDER_ROOTS.map((name) => ({ name, message: `import ${name}/lib/<resource> instead` }));

// The layers read top-down: the compliance engine uses the constructs' facts; constructs never use the
// engine's internals (a construct may add a built-in waiver); errors, ordering and validation sit below
// both and import neither.
const ENGINE = {
  regex: '(^|/)compliance(/(?!waivers$).*)?$',
  message: 'constructs do not use the compliance engine (only compliance/waivers, for built-in waivers): put shared checks in lib/validation.ts',
};
const BELOW_EVERYTHING = {
  group: ['./*/**', '../**'],
  message: 'errors, ordering and validation sit below the constructs and the engine: import only packages and each other',
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'cdktf.out/**', 'dist/**', '.bench/**', '**/*.js', '**/*.d.ts', '!eslint.config.mjs', '!jest.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.dev.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-imports': ['error', { paths: DEEP_IMPORTS }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-template-curly-in-string': 'off',
      'prefer-const': 'error',
      'eqeqeq': ['error', 'always'],
      'curly': ['error', 'all'],
    },
  },
  {
    // The constructs; the engine itself and what sits above it (the check command, the testing entry) may use it.
    files: ['lib/**/*.ts'],
    ignores: ['lib/compliance/**', 'lib/cli/**', 'lib/testing/**', 'lib/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DEEP_IMPORTS, patterns: [ENGINE] }] },
  },
  {
    files: ['lib/errors.ts', 'lib/ordering.ts', 'lib/validation.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DEEP_IMPORTS, patterns: [BELOW_EVERYTHING] }] },
  },
  {
    files: ['jest.config.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', process: 'readonly' } },
  },
);
