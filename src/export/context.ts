/** The URL and time settings of this build, for the endpoints and components that write data files and feeds. */
import { getContent } from '../model/site.ts';
import type { DownloadContext } from './downloads.ts';

export function buildContext(): DownloadContext {
  const { site } = getContent();
  return { publicUrl: site.publicUrl, base: import.meta.env.BASE_URL, utcOffset: site.utcOffset };
}
