import { describe, expect, it } from "vitest";
import {
  cleanParagraphs,
  isBoilerplateLine,
  isBylineLine,
  isDateline,
  isTeaserHeading,
  looksLikeBoilerplate,
  pruneContent,
  removeBoilerplate,
} from "../../src/ingest/html-clean.js";
import { blockTexts } from "../../src/ingest/html.js";
import { parseHtmlDocument, textOf } from "../../src/ingest/html-dom.js";

const LONG_PARAGRAPH =
  "The central bank raised its main interest rate by half a percentage point on Thursday, its third increase this year, saying inflation had not yet peaked and that further rises could follow.";

describe("isBoilerplateLine", () => {
  it.each([
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Read more: Central bank holds rates",
    "RELATED: Prices rise again",
    "Sign up for our daily newsletter to get the latest news in your inbox",
    "Get the latest updates right in your inbox. Subscribe to our newsletters.",
    "Share this article",
    "Follow us on Twitter",
    "Photo: Jane Smith/Reuters",
    "Sakib Ali/Hindustan Times/Getty Images",
    "Image 1 of / 23",
    "© 2019 Associated Press. All Rights Reserved.",
    "(Reporting by Will Dunham; Editing by Tom Brown)",
    "Additional reporting by Joseph Hudak",
    "Fox News’ Jessica Napoli contributed to this report.",
    "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.",
    "The Associated Press",
    "Tom Krisher, AP Auto Writer",
    "Tags: politics, elections",
    "Click here to download the app",
    "In this Dec. 12, 2006, file photo, made available by NASA, an astronaut participates in a space walk.",
    "Updated 1:39 am EST, Wednesday, November 20, 2019",
    "By Justine Coleman - 11/18/19 11:04 PM EST",
  ])("drops %j", (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    LONG_PARAGRAPH,
    "Read more about the plan in the report, which the ministry published on its website on Monday and which runs to more than three hundred pages of tables, maps and projections for every region.",
    "The newsletter, which reaches 40,000 party members, called for the minister to resign.",
    "Police said the photo was taken two days before the attack.",
    "By noon the line had barely moved.",
    "By taking off just the top half of bread, you’re saving nearly 100 calories.",
    "The senate shared the details on its Twitter handle, @NGRSenate.",
    "— Dianna E. Anderson (@diannaeanderson) November 18, 2019",
    "“We have opened a new page,” Fidan told reporters.",
    "Share prices fell 4% in early trading.",
  ])("keeps %j", (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe("datelines, bylines and teaser headings", () => {
  it("recognises lines made only of dates and times, in several languages", () => {
    expect(isDateline("PUBLISHED: 10:48, Tue, Nov 19, 2019")).toBe(true);
    expect(isDateline("segunda-feira, 22 de janeiro de 2018 às 0:13")).toBe(true);
    expect(isDateline("Published 1 day ago")).toBe(true);
    expect(isDateline("November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm")).toBe(true);
    expect(isDateline("Updated Police Identify Man, Woman Found Dead in Plano")).toBe(false);
    expect(isDateline("On Monday the talks resumed.")).toBe(false);
  });

  it("recognises bylines but not sentences starting with By", () => {
    expect(isBylineLine("By Scott Gordon")).toBe(true);
    expect(isBylineLine("By Amira Haddad and Kerem Yilmaz")).toBe(true);
    expect(isBylineLine("By HNN Staff | November 18, 2019 at 2:26 PM HST")).toBe(true);
    expect(isBylineLine("By noon the line had barely moved.")).toBe(false);
    expect(isBylineLine("By Dec. 31 the army must withdraw.")).toBe(false);
  });

  it("recognises headings of related-story blocks", () => {
    expect(isTeaserHeading("More News from Sci-Tech")).toBe(true);
    expect(isTeaserHeading("You may also like...")).toBe(true);
    expect(isTeaserHeading("DON'T MISS")).toBe(true);
    expect(isTeaserHeading("More Great WIRED Stories")).toBe(true);
    expect(isTeaserHeading("More troops for the border")).toBe(false);
  });
});

describe("cleanParagraphs", () => {
  it("drops a teaser heading with the teaser titles under it, and resumes at the next sentence", () => {
    const paragraphs = [
      LONG_PARAGRAPH,
      "DON'T MISS",
      "China furious at Macron for Hong Kong protest jibe [INSIGHT]",
      "Hong Kong protesters barricade university",
      "The bank's governor told reporters that the decision had been unanimous.",
    ];
    expect(cleanParagraphs(paragraphs)).toEqual([LONG_PARAGRAPH, "The bank's governor told reporters that the decision had been unanimous."]);
  });

  it("drops repeats of the title near the top, the byline, the site name and the page URL, but not repeated paragraphs", () => {
    const paragraphs = [
      "https://www.chron.com/business/article/New-car-sales-14847624.php",
      "New car sales plunge 10 percent in October",
      "Paul Takahashi",
      LONG_PARAGRAPH,
      "Houston Chronicle",
      LONG_PARAGRAPH,
    ];
    expect(
      cleanParagraphs(paragraphs, {
        title: "New car sales plunge 10 percent in October",
        byline: "Paul Takahashi",
        site: "Houston Chronicle",
        urls: ["https://www.chron.com/business/article/New-car-sales-14847624.php"],
      }),
    ).toEqual([LONG_PARAGRAPH, LONG_PARAGRAPH]);
  });

  it("keeps a line equal to the title when it is deep in the article (a quoted headline)", () => {
    const paragraphs = [LONG_PARAGRAPH, "Second paragraph of the story.", "Third one.", "Fourth one.", "Fifth one.", "Markets rally", "Last."];
    expect(cleanParagraphs(paragraphs, { title: "Markets rally" })).toContain("Markets rally");
  });
});

describe("removeBoilerplate", () => {
  it("removes furniture by tag, class, id and role, and hidden elements", () => {
    const document = parseHtmlDocument(`<html><body><article>
      <p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p>
      <div class="social-share">Share on Facebook</div>
      <div id="newsletterSignup">Sign up now</div>
      <div class="wp-caption-text">A caption</div>
      <div class="ad-slot">Ad</div>
      <div role="complementary">Sidebar</div>
      <div style="display: none">Hidden</div>
      <div class="header-top">Not furniture: "head" is not "ad"</div>
      <p>Tagged: <a rel="tag" href="/tag/x">x</a></p>
    </article></body></html>`);
    removeBoilerplate(document);
    const text = textOf(document.body);
    expect(text).not.toMatch(/Share on Facebook|Sign up now|A caption|\bAd\b|Sidebar|Hidden/);
    expect(text).toContain('Not furniture: "head" is not "ad"');
    expect(text).toContain(LONG_PARAGRAPH);
    expect(text).not.toContain("Tagged: x");
  });

  it("keeps an article container whose class happens to contain a furniture word", () => {
    const document = parseHtmlDocument(`<html><body>
      <div class="entry-content entry-content-read-more"><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></div>
      <div class="read-more-links"><a href="/a">Another story</a></div></body></html>`);
    removeBoilerplate(document);
    expect(textOf(document.body)).toContain(LONG_PARAGRAPH);
    expect(textOf(document.body)).not.toContain("Another story");
  });

  it("judges class words whole, so header and shadow are not ads", () => {
    const element = parseHtmlDocument('<html><body><div class="page-header shadow">x</div><div class="topAd">y</div></body></html>').querySelectorAll("div");
    expect(looksLikeBoilerplate(element[0]!)).toBe(false);
    expect(looksLikeBoilerplate(element[1]!)).toBe(true);
  });
});

describe("pruneContent", () => {
  it("removes blocks and lists of links to the site itself, but not links elsewhere or embedded tweets", () => {
    const document = parseHtmlDocument(`<html><body><div id="content">
      <p>${LONG_PARAGRAPH}</p>
      <p><strong><a href="https://www.example.com/news/other-story">'DANCING WITH THE STARS' STAR OPENS UP</a></strong></p>
      <ul><li><a href="/a">First related story</a></li><li><a href="/b">Second related story</a></li></ul>
      <p><a href="https://www.amazon.com/dp/B07">Apple AirPods Pro</a></p>
      <blockquote class="twitter-tweet"><p>Good luck my friend.</p>— Player (@player) <a href="/status/1">November 20, 2019</a></blockquote>
    </div></body></html>`);
    const root = document.querySelector("#content")!;
    pruneContent(root, "https://www.example.com/news/this-story");
    expect(blockTexts(root)).toEqual([LONG_PARAGRAPH, "Apple AirPods Pro", "Good luck my friend.", "— Player (@player) November 20, 2019"]);
  });
});
