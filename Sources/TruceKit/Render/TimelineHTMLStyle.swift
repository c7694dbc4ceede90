extension TimelineHTML {
  /// The page's style sheet: local fonts only, a layout for 1280×800, and a print block.
  ///
  /// It has no `<` or `&`, so it is plain XML text as well as CSS.
  static let styleSheet = """
    * { box-sizing: border-box; }
    html { background: #ffffff; overflow-y: scroll; }
    body {
      margin: 0; padding: 14px 20px 24px; color: #1b1f24; background: #ffffff;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
        "Liberation Sans", Arial, sans-serif;
    }
    header h1 { font-size: 20px; margin: 0; font-weight: 650; letter-spacing: -0.01em; }
    header p { margin: 2px 0 0; color: #57606a; font-size: 13px; }
    figure.chart-figure { margin: 10px 0 0; }
    svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
    svg.chart text { font-family: inherit; }
    .caption { font-size: 11px; fill: #6e7781; font-style: italic; }
    .band { fill: #ffffff; }
    .band.odd { fill: #f4f6f8; }
    .row-id { font-size: 13px; font-weight: 600; fill: #1b1f24; }
    .row-meta { font-size: 11px; fill: #57606a; }
    .row-label { cursor: pointer; outline: none; }
    .row-label:focus .row-id, .row-label:hover .row-id { text-decoration: underline; }
    .row.now .row-id { fill: #000000; }
    .now-mark { font-size: 13px; fill: #1b1f24; text-anchor: end; }
    .grid-major { stroke: #c9d1d9; stroke-width: 1; }
    .grid-minor { stroke: #8c959f; stroke-width: 1; }
    .axis-line { stroke: #57606a; stroke-width: 1; }
    .tick-label { font-size: 12px; fill: #24292f; }
    .seg { cursor: pointer; outline: none; }
    .seg:hover, .seg:focus, .seg.selected { stroke: #000000; stroke-width: 2.2; }
    .ann, .ann-key { fill: #424a53; }
    .ann { cursor: pointer; outline: none; }
    .ann:hover, .ann:focus, .ann.selected { fill: #000000; stroke: #000000; stroke-width: 1; }
    .transition line { stroke: #9a6700; stroke-width: 1.2; stroke-dasharray: 2 3; }
    .transition-label { font-size: 11px; fill: #9a6700; text-anchor: middle; }
    .cursor-line, .cursor-key line { stroke: #d1242f; stroke-width: 2; pointer-events: none; }
    .legend-label { font-size: 12px; fill: #24292f; }
    .empty { font-size: 14px; fill: #57606a; }
    .controls { display: flex; align-items: center; margin: 2px 0 0; }
    .controls label { font-size: 13px; font-weight: 600; color: #24292f; }
    .controls input { flex: 1; margin: 0; accent-color: #d1242f; }
    .panels { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-top: 8px; }
    .panel h2 { font-size: 15px; margin: 0 0 4px; font-weight: 650; }
    .panel h3 { font-size: 13px; margin: 8px 0 2px; color: #57606a; font-weight: 600; }
    .panel ul { margin: 0; padding-left: 18px; }
    .panel li { margin: 2px 0; }
    .moment { font-variant-numeric: tabular-nums; color: #d1242f; }
    .muted, .hint { color: #6e7781; }
    .why { color: #57606a; font-size: 13px; }
    .times { font-size: 13px; color: #24292f; }
    .event { margin: 6px 0; padding: 4px 0 4px 10px; border-left: 3px solid #d0d7de; }
    .event .head { font-size: 13px; }
    .event .source, .event .note { font-size: 12.5px; color: #424a53; }
    .event blockquote { margin: 2px 0; font-style: italic; font-size: 13px; }
    .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace;
      font-size: 12px; }
    footer { margin-top: 14px; font-size: 12px; color: #6e7781; }
    @media print {
      @page { size: landscape; margin: 12mm; }
      body { padding: 0; font-size: 11pt; }
      .controls, .hint, .panel:has(.hint) { display: none; }
      .band.odd { fill: #f2f2f2; }
      figure.chart-figure { break-inside: avoid; }
      .panels { break-before: auto; }
      .event { break-inside: avoid; }
      .seg:hover, .seg:focus { stroke-width: 1; }
    }
    """
}
