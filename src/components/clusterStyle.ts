/**
 * The cluster picture's styles live inside the SVG, so an exported SVG or PNG looks like
 * the page. Colours come from CSS custom properties when the page defines them (light and
 * dark themes), with fallbacks for the exported file.
 */
export const GROUP_FILLS = ['#dbeafe', '#fde68a', '#fbcfe8', '#bbf7d0', '#e9d5ff', '#fed7aa'] as const;

export const CLUSTER_SVG_STYLE = `
  .cluster-overlay .message, .cluster-view .message { cursor: pointer; pointer-events: auto; }
  .cluster-overlay .message circle, .cluster-view .message circle { stroke: #fff; stroke-width: 1.5; }
  .cluster-overlay .message .drop-x, .cluster-view .message .drop-x { stroke-width: 3; }
  .cluster-overlay .message-label, .cluster-view .message-label { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; text-anchor: middle; font-size: 12px; font-weight: 600; fill: var(--fg, #1b1f24); paint-order: stroke; stroke: var(--bg, #fbfbf8); stroke-width: 3px; }
  .cluster-view text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; fill: var(--fg, #1b1f24); text-anchor: middle; }
  .cluster-view .small { font-size: 13px; }
  .cluster-view .link .hit { stroke: transparent; stroke-width: 14; cursor: pointer; }
  .cluster-view .link .wire { stroke: var(--line-strong, #9aa3ad); stroke-width: 1.5; }
  .cluster-view .link.selected .wire { stroke: var(--focus, #c2410c); stroke-width: 3; }
  .cluster-view .link:focus { outline: none; }
  .cluster-view .link:focus-visible .wire { stroke: var(--focus, #c2410c); stroke-width: 5; }
  .cluster-view .link .cut-both { stroke: var(--bad, #b42318); stroke-dasharray: 6 5; stroke-width: 2; }
  .cluster-view .link .cut-one { stroke: var(--bad, #b42318); stroke-dasharray: 2 4; stroke-width: 2; }
  .cluster-view .partition-caption { font-size: 13px; font-weight: 700; text-anchor: start; fill: var(--bad, #b42318); paint-order: stroke; stroke: var(--bg, #fbfbf8); stroke-width: 3px; }
  .cluster-view .partition-boundary { stroke: var(--bad, #b42318); stroke-width: 3; stroke-dasharray: 12 7; }
  .cluster-view .partition-island { fill: var(--bad, #b42318); fill-opacity: 0.12; stroke: var(--bad, #b42318); stroke-opacity: 0.14; stroke-linejoin: round; stroke-linecap: round; }
  .cluster-view .cut-x circle { fill: var(--panel, #fff); stroke: var(--bad, #b42318); stroke-width: 2; }
  .cluster-view .cut-x path { stroke: var(--bad, #b42318); stroke-width: 2.5; }
  .cluster-view .replica { cursor: pointer; }
  .cluster-view .replica .body { stroke: #334155; stroke-width: 2; }
  .cluster-view .replica.down .body { fill: #e5e7eb; stroke-dasharray: 5 4; }
  .cluster-view .replica.selected .body { stroke: var(--focus, #c2410c); stroke-width: 4; }
  .cluster-view .replica.highlighted .body { stroke: var(--focus, #c2410c); stroke-width: 4; }
  .cluster-view .replica:focus-visible .body, .cluster-view .client:focus-visible rect { stroke: var(--focus, #c2410c); stroke-width: 5; }
  .cluster-view .replica:focus { outline: none; }
  .cluster-view .client:focus { outline: none; }
  .cluster-view .replica-name { font-weight: 700; fill: #111827; }
  .cluster-view .replica-value { font-family: ui-monospace, Menlo, Consolas, monospace; fill: #111827; }
  .cluster-view .replica.down text { fill: #4b5563; }
  .cluster-view rect.value-tag { fill: #ffffff; stroke: #334155; stroke-width: 1; opacity: 0.95; }
  .cluster-view .stamp { font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; fill: var(--muted, #55606e); paint-order: stroke; stroke: var(--bg, #fbfbf8); stroke-width: 4px; stroke-linejoin: round; }
  .cluster-view .badge rect { fill: var(--warn-bg, #fff7ed); stroke: var(--warn, #a15c00); }
  .cluster-view .badge text { font-size: 12px; fill: #7c2d12; }
  .cluster-view .client { cursor: pointer; }
  .cluster-view .client rect { fill: var(--panel, #fff); stroke: #334155; stroke-width: 2; }
  .cluster-view .client.selected rect { stroke: var(--focus, #c2410c); stroke-width: 4; }
  .cluster-view .client-label { font-size: 17px; font-weight: 600; }
  .cluster-view .message { cursor: pointer; }
  .cluster-view .message circle { stroke: #fff; stroke-width: 1.5; }
  .cluster-view .message .drop-x { stroke-width: 3; }
  .cluster-view .message-label { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: var(--bg, #fbfbf8); stroke-width: 3px; }
  .cluster-view .stale-badge rect { fill: #fef2f2; stroke: var(--bad, #b42318); stroke-width: 1.5; }
  .cluster-view .stale-badge text { font-size: 12px; font-weight: 600; fill: #7f1d1d; }
  .cluster-view .hint-badge rect { fill: #f3e8ff; stroke: var(--msg-repair, #7e22ce); stroke-width: 1.5; }
  .cluster-view .hint-badge text { font-size: 12px; font-weight: 600; fill: #3b0764; }
  .cluster-view .ring-w { fill: none; stroke: var(--msg-write, #c2410c); stroke-width: 3; stroke-dasharray: 7 4; }
  .cluster-view .ring-r { fill: none; stroke: var(--msg-read, #1d4ed8); stroke-width: 3; }
  .cluster-view .ring-label { font-size: 13px; font-weight: 700; text-anchor: middle; paint-order: stroke; stroke: var(--bg, #fbfbf8); stroke-width: 3px; }
  .cluster-view .partition-line { stroke: var(--bad, #b42318); stroke-width: 3; stroke-dasharray: 10 6; }
  .cluster-view.drawing { cursor: crosshair; }
`;
