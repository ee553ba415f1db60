import * as echarts from 'echarts';

/** Apache ECharts rendered on the server to an SVG string: prints, and needs no script. */
export function renderSvgChart(
  option: echarts.EChartsOption,
  size: { width: number; height: number },
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart is an image of its own: its inline styles are allowed there and nowhere else. */
export const SVG_IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";
