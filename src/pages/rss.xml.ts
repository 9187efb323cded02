/** RSS 2.0 feed of the reports. */
import type { APIRoute } from 'astro';
import { buildContext } from '../export/context.ts';
import { rssFeed } from '../export/feeds.ts';
import { getContent } from '../model/site.ts';

export const GET: APIRoute = () =>
  new Response(rssFeed(getContent(), buildContext()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
