/**
 * `npm start`: the playground on localhost (scripts/start.mjs builds the add-on and this file,
 * then runs it). Environment: PORT (default 8080; a busy port falls back to a free one),
 * PLAYGROUND_SPEED (virtual clock speed: default 60 with simulators, 1 when a live API is used,
 * so cached formula answers last their real 6 hours and do not spend credits again),
 * PLAYGROUND_ROOT (the repository), and OPENPROSPECT_API_KEY / OPENMART_API_KEY / GU1_API_KEY to
 * use a provider's live API.
 */
import { LIVE_KEY_ENV } from './providers';
import { createPlayground, type Playground } from './server';

async function start(): Promise<void> {
  const root = process.env['PLAYGROUND_ROOT'] ?? process.cwd();
  const port = Number(process.env['PORT'] ?? 8080);
  const anyLive = Object.values(LIVE_KEY_ENV).some((name) => (process.env[name] ?? '').trim() !== '');
  const speed = Number(process.env['PLAYGROUND_SPEED'] ?? (anyLive ? 1 : 60));
  let pg: Playground;
  try {
    pg = await createPlayground({ root, port, speed });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    console.log(`Port ${port} is busy; using a free one.`);
    pg = await createPlayground({ root, port: 0, speed });
  }
  const live = Object.entries(pg.providers.modes).filter(([, m]) => m === 'live');
  console.log(`\nProspect Enrich playground: ${pg.url}\n`);
  console.log(
    live.length > 0
      ? `  Live APIs: ${live.map(([p]) => p).join(', ')} (keys from ${live.map(([p]) => LIVE_KEY_ENV[p as keyof typeof LIVE_KEY_ENV]).join(', ')}); the others are simulated.`
      : '  Providers are simulated: paste any key in Settings (a key containing "invalid" is refused).',
  );
  console.log(`  The virtual clock runs ${speed}x real time. Press Ctrl-C to stop.\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the playground.`);
    pg.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

start().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
