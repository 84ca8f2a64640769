/**
 * "Add articles" on the status page: JSON lines (pasted or from a .jsonl file) sent to POST /ingest in
 * batches, with the server's summary of each batch. A read-only server (no --token) gets one sentence
 * on how to enable writing instead of a form.
 */
import { ApiError, api, type IngestSummary, type Status } from "../api.js";
import { el, replace } from "../dom.js";
import { formatNumber } from "../format.js";
import { batchArticles, parseJsonLines, problemWithLine, type MalformedLine, type NumberedArticle } from "../ingest-lines.js";
import { forgetToken, rememberToken, rememberedToken } from "../session-token.js";
import { errorMessage, isAbort } from "../states.js";

const EXAMPLE_LINE = '{"id": "wire-2023-04-14-07", "date": "2023-04-14", "title": "…", "text": "…", "url": "https://…", "source": "Wire"}';

/** What a user should read first for the statuses that mean something to them. */
const ERROR_LEADS: Record<number, string> = {
  401: "Wrong token.",
  413: "Too large for the server.",
};

/** The counts of a summary, in the order of the table's columns. */
const COUNTS = [
  ["received", "Received"],
  ["stored", "Stored"],
  ["alreadyStored", "Already stored"],
  ["copies", "Copies"],
  ["skipped", "Skipped"],
  ["failed", "Failed"],
  ["events", "Events"],
] as const satisfies ReadonlyArray<readonly [keyof Omit<IngestSummary, "problems">, string]>;

type Counts = Record<(typeof COUNTS)[number][0], number>;

function ingestErrorBox(error: unknown): HTMLElement {
  const status = error instanceof ApiError && error.status > 0 ? error.status : null;
  const lead = status === null ? undefined : ERROR_LEADS[status];
  return el(
    "div",
    { class: "error", "data-testid": "ingest-error", role: "alert", "data-status": status },
    status === null ? null : el("span", { class: "error-status" }, String(status)),
    lead ? el("strong", {}, `${lead} `) : null,
    errorMessage(error),
  );
}

function readOnlyNote(): HTMLElement {
  return el(
    "p",
    { class: "hint", "data-testid": "ingest-readonly" },
    "This server is read-only: restart it as ",
    el("code", {}, "parley serve --token TOKEN"),
    " (a secret of at least 8 characters) to add articles from this page.",
  );
}

function linesLabel(batch: readonly NumberedArticle[]): string {
  const first = batch[0]?.line ?? 0;
  const last = batch[batch.length - 1]?.line ?? first;
  return first === last ? String(first) : `${first}–${last}`;
}

function malformedList(malformed: readonly MalformedLine[]): HTMLElement {
  return el(
    "div",
    { class: "warning", "data-testid": "ingest-malformed", role: "alert" },
    el("strong", {}, `Not sent: ${malformed.length} malformed line${malformed.length === 1 ? "" : "s"}`),
    el("ul", {}, ...malformed.map(({ line, reason }) => el("li", { "data-line": line }, `line ${line}: ${reason}`))),
  );
}

/** The table of batch summaries; rows are added as the server answers. */
function summaryTable(): { table: HTMLTableElement; addBatch: (index: number, batch: readonly NumberedArticle[], summary: IngestSummary) => void; addTotal: (totals: Counts) => void } {
  const body = el("tbody", {});
  const table = el(
    "table",
    { class: "compact ingest-summary", "data-testid": "ingest-summary" },
    el("thead", {}, el("tr", {}, el("th", {}, "Batch"), el("th", {}, "Lines"), ...COUNTS.map(([, label]) => el("th", { class: "num" }, label)))),
    body,
  );
  const countCells = (counts: Counts) => COUNTS.map(([key]) => el("td", { class: "num", "data-count": key }, formatNumber(counts[key])));
  const dataCounts = (counts: Counts) => Object.fromEntries(COUNTS.map(([key]) => [`data-${key.toLowerCase()}`, counts[key]]));
  return {
    table,
    addBatch: (index, batch, summary) => {
      body.append(el("tr", { "data-testid": "ingest-batch", ...dataCounts(summary) }, el("td", {}, String(index + 1)), el("td", {}, linesLabel(batch)), ...countCells(summary)));
      if (summary.problems.length > 0) {
        const problems = el("ul", { class: "problems", "data-testid": "ingest-problems" }, ...summary.problems.map((problem) => el("li", { title: problem }, problemWithLine(problem, batch))));
        body.append(el("tr", { class: "problems-row" }, el("td", {}), el("td", { colspan: COUNTS.length + 1 }, problems)));
      }
    },
    addTotal: (totals) => {
      table.append(el("tfoot", {}, el("tr", { "data-testid": "ingest-total", ...dataCounts(totals) }, el("th", {}, "All"), el("th", {}), ...countCells(totals))));
    },
  };
}

/** Reads the chosen file, or else the text box. */
async function inputText(file: File | undefined, text: string): Promise<string> {
  return file ? file.text() : text;
}

function ingestForm(signal: AbortSignal, refreshStatus: () => Promise<void>): HTMLElement[] {
  const remembered = rememberedToken();
  const token = el("input", { type: "password", name: "token", autocomplete: "off", size: 28, value: remembered ?? "", "data-testid": "ingest-token" });
  const remember = el("input", { type: "checkbox", name: "remember", checked: remembered !== null, "data-testid": "ingest-remember" });
  const file = el("input", { type: "file", name: "file", accept: ".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain", "data-testid": "ingest-file" });
  const clearFile = el("button", { type: "button", hidden: true, "data-testid": "ingest-file-clear" }, "Remove file");
  const text = el("textarea", { name: "lines", rows: 6, spellcheck: "false", placeholder: EXAMPLE_LINE, "data-testid": "ingest-text" });
  const submit = el("button", { type: "submit", class: "primary", "data-testid": "ingest-submit" }, "Store articles");
  const results = el("div", { class: "ingest-results", "data-testid": "ingest-results", "aria-live": "polite" });

  const chosenFile = (): File | undefined => file.files?.[0];
  const showFileChoice = (): void => {
    const chosen = chosenFile();
    clearFile.hidden = !chosen;
    text.disabled = chosen !== undefined;
  };
  file.addEventListener("change", showFileChoice);
  clearFile.addEventListener("click", () => {
    file.value = "";
    showFileChoice();
  });
  // Unticking forgets at once: the token must not outlive the user's choice.
  remember.addEventListener("change", () => {
    if (!remember.checked) forgetToken();
  });

  async function send(): Promise<void> {
    const secret = token.value.trim();
    if (secret === "") {
      replace(results, ingestErrorBox(new Error("Enter the token the server was started with (parley serve --token TOKEN).")));
      token.focus();
      return;
    }
    // A header can carry only visible ASCII; anything else cannot be the server's token as sent.
    if (/[^\x21-\x7e]/.test(secret)) {
      replace(results, ingestErrorBox(new Error("The token can hold only visible ASCII characters (no spaces or accents).")));
      return;
    }
    if (remember.checked) rememberToken(secret);
    else forgetToken();

    let source: string;
    try {
      source = await inputText(chosenFile(), text.value);
    } catch (error) {
      replace(results, ingestErrorBox(new Error(`cannot read ${chosenFile()?.name ?? "the file"}: ${errorMessage(error)}`)));
      return;
    }
    const { articles, malformed } = parseJsonLines(source);
    const batches = batchArticles(articles);
    const progress = el("p", { class: "summary", "data-testid": "ingest-progress", role: "status" });
    replace(results, malformed.length > 0 ? malformedList(malformed) : null, progress);
    if (batches.length === 0) {
      progress.textContent = malformed.length > 0 ? "Nothing left to send." : `Nothing to send: paste JSON lines (one article a line) or choose a .jsonl file.`;
      return;
    }

    const summary = summaryTable();
    results.append(summary.table);
    const totals: Counts = { received: 0, stored: 0, alreadyStored: 0, copies: 0, skipped: 0, failed: 0, events: 0 };
    let answered = 0;
    for (const [index, batch] of batches.entries()) {
      progress.textContent = `Sending batch ${index + 1} of ${batches.length} (${formatNumber(batch.length)} article${batch.length === 1 ? "" : "s"}, lines ${linesLabel(batch)})…`;
      let answer: IngestSummary;
      try {
        answer = await api.ingest(batch.map(({ article }) => article), secret, signal);
      } catch (error) {
        if (isAbort(error)) return;
        const unsent = batches.slice(index + 1).flat();
        results.append(ingestErrorBox(error));
        progress.textContent = `Batch ${index + 1} of ${batches.length} was refused${unsent.length > 0 ? `; the ${formatNumber(unsent.length)} article${unsent.length === 1 ? "" : "s"} after it ${unsent.length === 1 ? "was" : "were"} not sent` : ""}.`;
        break;
      }
      answered += 1;
      summary.addBatch(index, batch, answer);
      for (const [key] of COUNTS) totals[key] += answer[key];
    }
    if (answered === 0) {
      summary.table.remove();
      return;
    }
    if (answered > 1) summary.addTotal(totals);
    if (answered === batches.length) {
      progress.textContent = `Done: ${formatNumber(totals.stored)} of ${formatNumber(totals.received)} article${totals.received === 1 ? "" : "s"} stored, ${formatNumber(totals.events)} event mention${totals.events === 1 ? "" : "s"} coded.`;
    }
    await refreshStatus();
  }

  const form = el(
    "form",
    { class: "ingest-form", "data-testid": "ingest-form" },
    el(
      "div",
      { class: "row" },
      el("label", { class: "field" }, el("span", {}, "Token"), token),
      el("label", { class: "check" }, remember, " Remember for this tab"),
    ),
    el("div", { class: "row" }, el("label", { class: "field" }, el("span", {}, "A .jsonl file"), file), clearFile),
    el("label", { class: "field" }, el("span", {}, "or JSON lines, one article a line"), text),
    el("div", { class: "row actions" }, el("span", { class: "hint" }, "Sent in batches of up to 500 articles; a malformed line is reported and left out."), submit),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    void send().finally(() => {
      submit.disabled = false;
    });
  });
  return [
    el(
      "p",
      { class: "muted" },
      "Articles are screened, coded and stored as ",
      el("code", {}, "parley ingest"),
      " does it. One JSON object a line: ",
      el("code", {}, '{"id", "date", "text", "title"?, "url"?, "source"?}'),
      ".",
    ),
    form,
    results,
  ];
}

/**
 * The panel, waiting for the store's status; `show` fills it in (a form, or the read-only note).
 * `refreshStatus` runs after articles were sent, so the page's counts include them.
 */
export function ingestPanel(signal: AbortSignal, refreshStatus: () => Promise<void>): { element: HTMLElement; show: (status: Status) => void } {
  const body = el("div", {}, el("p", { class: "muted" }, "Whether this server accepts articles shows once its status has loaded."));
  const element = el("section", { class: "ingest-box", "data-testid": "ingest-panel" }, el("h2", {}, "Add articles"), body);
  return {
    element,
    show: (status) => replace(body, ...(status.ingest ? ingestForm(signal, refreshStatus) : [readOnlyNote()])),
  };
}
