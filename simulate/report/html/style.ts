/** The report's styles, inline: a file that is opened from an email has nothing to fetch them from. */
export const STYLE = `
body { font: 14px/1.45 -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; max-width: 1100px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 15px; margin-top: 18px; } h4 { font-size: 13px; color: #57606a; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dt { color: #57606a; } dd { margin: 0; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } table.examples td { max-width: 260px; overflow-wrap: anywhere; }
svg { display: block; max-width: 100%; height: auto; } .label, .value, .axis { font-size: 11px; fill: #1f2328; }
rect.c, i.c { fill: #2f6feb; background: #2f6feb; } rect.b, i.b { fill: #afb8c1; background: #afb8c1; } rect.x { fill: #cf222e; }
.legend .key { margin-right: 14px; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.never { color: #9a6700; } .note, .empty { color: #57606a; font-size: 12px; }
`;
