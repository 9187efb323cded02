/**
 * XML and HTML parsed by Chromium's DOMParser (a strict XML parser with namespaces), returned as plain
 * trees so tests can make their assertions in Node without an XML library.
 */
import type { Browser, Page } from 'playwright-core';

export interface XmlNode {
  name: string;
  ns: string | null;
  attrs: Record<string, string>;
  /** Text content of the element, all descendants included. */
  text: string;
  children: XmlNode[];
}

export async function blankPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto('about:blank');
  return page;
}

/** Parses well-formed XML or throws with the parser's message. */
export async function parseXml(page: Page, text: string): Promise<XmlNode> {
  const result = await page.evaluate((source) => {
    type Node = { name: string; ns: string | null; attrs: Record<string, string>; text: string; children: Node[] };
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent ?? 'parsererror' };
    const convert = (el: Element): Node => ({
      name: el.localName,
      ns: el.namespaceURI,
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      text: el.textContent ?? '',
      children: [...el.children].map(convert),
    });
    return { root: convert(doc.documentElement) };
  }, text);
  if ('error' in result) throw new Error(`XML 解析失败：${result.error}`);
  return result.root as XmlNode;
}

/** The `<meta>` and `<link>` elements of an HTML page's head, as attribute maps. */
export async function headTags(page: Page, html: string): Promise<{ meta: Record<string, string>[]; link: Record<string, string>[]; title: string }> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const attrs = (el: Element) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
    return {
      meta: [...doc.head.querySelectorAll('meta')].map(attrs),
      link: [...doc.head.querySelectorAll('link')].map(attrs),
      title: doc.title,
    };
  }, html);
}

export const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);
export const children = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);
export const textOf = (node: XmlNode, name: string): string | undefined => child(node, name)?.text;
