import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PROVIDER_ROOTS = ['@cdktf/provider-azurerm', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];

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
      // Deep imports only: the package root of a prebuilt provider loads every resource class.
      'no-restricted-imports': ['error', { paths: PROVIDER_ROOTS.map((name) => ({ name, message: `import ${name}/lib/<resource> instead` })) }],
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
    files: ['jest.config.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', process: 'readonly' } },
  },
);
