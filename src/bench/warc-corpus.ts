import { gzipSync } from "node:zlib";
import type { BenchArticle } from "./corpus.js";

/** A wire article as a small but realistic page: navigation, the story, related links, a footer. */
function articlePage(article: BenchArticle): string {
  const [headline, ...body] = article.text.split("\n");
  const paragraphs = body.map((line) => `<p>${line}</p>`).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline}</title>
<meta property="og:site_name" content="Bench Wire"><meta property="article:published_time" content="${article.date}T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>${headline}</h1><p class="byline">By Bench Reporter</p>
${paragraphs}
</article><aside><h2>Related stories</h2><ul><li><a href="/a">Markets steady</a></li><li><a href="/b">Weather</a></li></ul></aside>
<footer>Copyright Bench Wire. All rights reserved.</footer></body></html>`;
}

/**
 * A Common-Crawl-style WARC.gz (one gzip member per record) holding one HTTP response per
 * article, for measuring WARC reading and extraction together.
 */
export function buildWarc(articles: readonly BenchArticle[]): Buffer {
  const members = articles.map((article, index) => {
    const html = Buffer.from(articlePage(article), "utf8");
    const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n`), html]);
    const header = [
      "WARC/1.1",
      "WARC-Type: response",
      `WARC-Target-URI: https://wire.example.org/${article.id}`,
      `WARC-Date: ${article.date}T09:00:00Z`,
      `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, "0")}>`,
      "Content-Type: application/http; msgtype=response",
      `Content-Length: ${http.length}`,
    ].join("\r\n");
    return gzipSync(Buffer.concat([Buffer.from(`${header}\r\n\r\n`), http, Buffer.from("\r\n\r\n")]));
  });
  return Buffer.concat(members);
}
