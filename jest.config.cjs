/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(tsx?|mjs)$': '<rootDir>/test/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/emulator/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
