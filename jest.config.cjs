/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': '<rootDir>/test/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/emulator/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
