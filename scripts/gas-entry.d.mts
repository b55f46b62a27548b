export interface EntryPoint { name: string; jsdoc: string; params: string[]; customFunction: boolean }
export function entryPoints(text: string, file?: string): EntryPoint[];
export function renderStubs(entries: EntryPoint[], globalName: string): string;
