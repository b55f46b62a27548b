#!/usr/bin/env node
// Prints jest's totals as the plain closing line CI reads: "jest: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';
const file = process.argv[2];
const r = JSON.parse(readFileSync(file, 'utf8'));
console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
process.exit(r.success ? 0 : 1);
