/** Atom feed of the reports. */
import type { APIRoute } from 'astro';
import { buildContext } from '../export/context.ts';
import { atomFeed } from '../export/feeds.ts';
import { getContent } from '../model/site.ts';

export const GET: APIRoute = () =>
  new Response(atomFeed(getContent(), buildContext()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
