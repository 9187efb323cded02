/** RSS 2.0 feed of the reports. */
import type { APIRoute } from 'astro';
import { rssFeed } from '../export/feeds.ts';
import { site } from './_site.ts';

export const GET: APIRoute = () =>
  new Response(rssFeed(site().content, site().exportContext), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
