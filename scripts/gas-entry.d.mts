export interface EntryPoint {
  name: string;
  jsdoc: string;
  params: string[];
  customFunction: boolean;
}
export type LoadModule = (specifier: string, fromFile: string) => { text: string; file: string };
export function entryPoints(text: string, file?: string, load?: LoadModule): EntryPoint[];
export function renderStubs(entries: EntryPoint[], globalName: string): string;
