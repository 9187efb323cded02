/** robots.txt pointing at the sitemap (served from the base path; a portal merges it into its own). */
import type { APIRoute } from 'astro';
import { site } from './_site.ts';
import { robotsTxt } from '../export/feeds.ts';

export const GET: APIRoute = () => new Response(robotsTxt(site().routes.urls), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
