/**
 * The one channel from the build (src/build.ts) to the `astro build` process it starts: one environment
 * variable holding these settings as JSON. astro.config.mjs reads the folders and base path from it, the
 * pages (src/pages/_site.ts) the content snapshot, so the site renders exactly the content the build
 * validated, and whether the build links the pictures in itself. Run directly (`astro dev`, or
 * `astro build` in tests), Astro finds no settings here and reads content/ (CONTENT_DIR), BASE_PATH and
 * OUT_DIR as astro.config.mjs says.
 */
export const BUILD_CHANNEL_ENV = 'REPORT_MICROSITE_BUILD';

export interface AstroBuildSettings {
  contentDir: string;
  /** The validated content, written by the build (src/model/load.ts writeContentSnapshot). */
  snapshot: string;
  outDir: string;
  base: string;
  /** The build links the pictures into the site from the picture cache: Astro's picture routes make none. */
  picturesLinked: boolean;
  /** The picture cache the build drew into (src/charts/render.ts): pages that state a picture's size read it there. */
  cacheDir?: string;
}

export function encodeBuildSettings(settings: AstroBuildSettings): string {
  return JSON.stringify(settings);
}

export function decodeBuildSettings(value: string | undefined): AstroBuildSettings | undefined {
  return value ? (JSON.parse(value) as AstroBuildSettings) : undefined;
}
