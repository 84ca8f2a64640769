/**
 * The dyad timeline as an ECharts chart: quad classes stacked as bars, the mean Goldstein score as a line on
 * its own axis (−10…+10), a slider and the toolbox's box zoom to zoom in time. A click anywhere in a period's
 * column (not only on its thin bar) chooses that period.
 */
import type { DyadPoint, DyadSeries } from "../api.js";
import { echarts, type ECharts } from "../charts/echarts.js";
import { GOLDSTEIN_COLOUR, QUADS } from "../format.js";
import { fillPeriods } from "../periods.js";

type QuadKey = "quad1" | "quad2" | "quad3" | "quad4";

function quadKey(quad: number): QuadKey {
  return `quad${quad}` as QuadKey;
}

/**
 * Where each non-empty bar is drawn, in pixels from the canvas's top-left, kept in the element's
 * data-bars attribute, and the zoom window in data-window (for tests and tools that need to click
 * a bar: the canvas has no DOM per bar).
 */
function recordBars(chart: ECharts, element: HTMLElement, periods: readonly string[], points: ReadonlyMap<string, DyadPoint>): void {
  const bars: Array<{ period: string; events: number; x: number; y: number }> = [];
  periods.forEach((period, index) => {
    const events = points.get(period)?.events ?? 0;
    if (events === 0) return;
    const pixel = chart.convertToPixel({ gridIndex: 0 }, [index, events / 2]) as number[] | undefined;
    if (!pixel || !chart.containPixel({ gridIndex: 0 }, pixel)) return;
    bars.push({ period, events, x: Math.round(pixel[0]!), y: Math.round(pixel[1]!) });
  });
  element.dataset["bars"] = JSON.stringify(bars);
  // The zoom window, as first and last period shown.
  const zoom = (chart.getOption() as { dataZoom?: Array<{ startValue?: number; endValue?: number }> }).dataZoom?.[0];
  const first = periods[zoom?.startValue ?? 0];
  const last = periods[zoom?.endValue ?? periods.length - 1];
  element.dataset["window"] = `${first ?? ""}/${last ?? ""}`;
}

/** Draws the chart into `element`; the result's dispose() frees it and its listeners. */
export function drawDyadChart(element: HTMLElement, data: DyadSeries, selected: string | null, onPeriod: (period: string) => void): { dispose(): void } {
  const points = new Map(data.series.map((point) => [point.period, point]));
  const periods = fillPeriods(
    data.series.map((point) => point.period),
    data.by,
  );
  element.dataset["periods"] = String(periods.length);
  element.dataset["events"] = String(data.series.reduce((sum, point) => sum + point.events, 0));

  /** One quad class's counts per period; with a chosen period, the others are faded. */
  const quadData = (quad: number, chosen: string | null) =>
    periods.map((period) => ({ value: points.get(period)?.[quadKey(quad)] ?? 0, itemStyle: { opacity: chosen === null || chosen === period ? 1 : 0.35 } }));

  const chart = echarts.init(element, null, { renderer: "canvas" });
  chart.setOption({
    aria: { enabled: true },
    animationDuration: 300,
    color: [...QUADS.map((quad) => quad.colour), GOLDSTEIN_COLOUR],
    textStyle: { fontFamily: "inherit" },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, left: 0 },
    toolbox: {
      right: 8,
      top: 0,
      feature: {
        dataZoom: { yAxisIndex: "none", title: { zoom: "Box zoom", back: "Undo zoom" } },
        restore: { title: "Reset zoom" },
        saveAsImage: { title: "Save as PNG", name: `parley-${data.source}-${data.target}` },
      },
    },
    grid: { left: 56, right: 64, top: 76, bottom: 84 },
    dataZoom: [
      { type: "inside", xAxisIndex: 0 },
      { type: "slider", xAxisIndex: 0, bottom: 16, height: 24 },
    ],
    xAxis: { type: "category", data: periods, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: "value", name: "events", minInterval: 1, nameTextStyle: { align: "right" } },
      { type: "value", name: "Goldstein mean", min: -10, max: 10, interval: 5, position: "right", splitLine: { show: false } },
    ],
    series: [
      ...QUADS.map((quad) => ({
        id: quadKey(quad.quad),
        name: quad.name,
        type: "bar" as const,
        stack: "events",
        barMaxWidth: 48,
        emphasis: { focus: "series" as const },
        itemStyle: { color: quad.colour },
        data: quadData(quad.quad, null),
      })),
      {
        name: "Goldstein mean",
        id: "goldstein",
        type: "line" as const,
        yAxisIndex: 1,
        // A line across months without events would invent a trend.
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: GOLDSTEIN_COLOUR },
        lineStyle: { color: GOLDSTEIN_COLOUR, width: 2 },
        // No events, no mean: a gap, not a zero.
        data: periods.map((period) => {
          const point = points.get(period);
          return point && point.events > 0 ? Number(point.goldsteinMean.toFixed(2)) : null;
        }),
      },
    ],
  });

  /** Brings the chosen period's bars forward by fading the others. */
  const markPeriod = (period: string): void => {
    chart.setOption({ series: QUADS.map((quad) => ({ id: quadKey(quad.quad), data: quadData(quad.quad, period) })) });
    element.dataset["selected"] = period;
  };
  if (selected && periods.includes(selected)) markPeriod(selected);

  chart.getZr().on("click", (event) => {
    const pixel = [event.offsetX, event.offsetY];
    if (!chart.containPixel({ gridIndex: 0 }, pixel)) return;
    const value = chart.convertFromPixel({ gridIndex: 0 }, pixel) as number[] | undefined;
    const period = value ? periods[Math.round(value[0]!)] : undefined;
    if (period === undefined) return;
    markPeriod(period);
    onPeriod(period);
  });
  chart.on("finished", () => recordBars(chart, element, periods, points));

  const resize = (): void => chart.resize();
  window.addEventListener("resize", resize);
  return {
    dispose: () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    },
  };
}
