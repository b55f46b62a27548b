/** Each OAuth scope in appsscript.json with a one-line reason (Settings shows them; a test keeps them in step). */
export const SCOPE_REASONS: Array<{ scope: string; title: string; why: string }> = [
  {
    scope: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
    title: 'See and edit this spreadsheet only',
    why: 'read your rows and write the result tabs and generated external_ids (no other file is touched).',
  },
  { scope: 'https://www.googleapis.com/auth/script.container.ui', title: 'Show a sidebar and menus', why: 'the Extensions menu and this sidebar.' },
  {
    scope: 'https://www.googleapis.com/auth/script.external_request',
    title: 'Connect to external services',
    why: 'call OpenProspect, Openmart and gu1, and only those hosts (the manifest lists them).',
  },
  {
    scope: 'https://www.googleapis.com/auth/script.scriptapp',
    title: 'Run when you are not present',
    why: 'one time-driven trigger that checks open jobs and runs your schedules.',
  },
];
