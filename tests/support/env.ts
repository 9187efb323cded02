/**
 * The environment for a child process (a build, `astro dev`, a CLI) started from a test: without the
 * variables vitest sets for its own Vite. BASE_URL=/ would override the build's base path in Astro,
 * MODE/NODE_ENV=test its mode, VITEST makes `astro dev` serve no pages: all make the child behave
 * unlike the command an editor runs.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return { ...env, ...extra };
}
