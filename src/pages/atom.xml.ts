/** Atom feed of the reports. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../export/feeds.ts';
import { site } from './_site.ts';

export const GET: APIRoute = () =>
  new Response(atomFeed(site().content, site().exportContext), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
