/**
 * chart.js, registered with only what the dashboard's bar charts use (the
 * tree-shaken import keeps the page's bundle small; `chart.js/auto` would
 * pull every chart type in). Imported once by BarChart.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { valueLabels } from './value-labels';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, valueLabels);

// A briefing is read on paper too: black text, system font like the rest of the page.
Chart.defaults.color = '#222';
Chart.defaults.font.family = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.font.size = 12;

export { Chart };
