/// The one hand-written stylesheet, served at /static/wijkradar.css. Print rules make the wijkanalyse an A4 document.
public enum Stylesheet {
    public static let css = """
        :root { --ink: #1a1a1a; --muted: #595959; --line: #d0d0d0; --accent: #0b5394; --bg: #ffffff; --soft: #f3f6fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, main:focus { outline: 3px solid #e69f00; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip:focus { left: .5rem; }
        header.site, footer.site { padding: .75rem 1.25rem; background: var(--soft); border-bottom: 1px solid var(--line); }
        header.site { display: flex; gap: 2rem; align-items: center; flex-wrap: wrap; }
        header.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0; padding: 0; }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
        footer.site { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 3rem; font-size: .9rem; color: var(--muted); }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; overflow-wrap: break-word; }
        h1 { font-size: 1.9rem; margin: .25rem 0 .75rem; }
        h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        .lead { font-size: 1.1rem; }
        .meta, .unit { color: var(--muted); font-size: .9rem; }
        .note { color: #7a4a00; }
        form.search, form.filters { display: flex; gap: .75rem; flex-wrap: wrap; align-items: flex-end; margin: 1rem 0; }
        form.filters div { display: flex; flex-direction: column; }
        input, select, button { font: inherit; padding: .4rem .6rem; border: 1px solid #767676; border-radius: 4px; max-width: 100%; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        ul.results li { margin: .35rem 0; }
        table.figures { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
        table.figures caption { text-align: left; font-weight: 700; padding: .25rem 0; }
        table.figures th, table.figures td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.context th { font-style: italic; }
        tr.programme { background: #fff4d6; }
        .badge { background: #7a4a00; color: #fff; font-size: .75rem; padding: 0 .35rem; border-radius: 3px; }
        nav.pager ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
        nav.pager a, nav.pager span { display: inline-block; min-width: 2.75rem; min-height: 2.75rem; line-height: 2.75rem; text-align: center; padding: 0 .5rem; border: 1px solid var(--line); border-radius: 3px; }
        nav.pager span[aria-current] { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: bold; }
        nav.pager li.gap { padding: 0 .25rem; line-height: 2.75rem; }
        .secret { font-style: italic; color: #7a4a00; }
        .none { color: var(--muted); }
        .computed { border-bottom: 1px dotted var(--muted); }
        .marker { color: #b34700; font-weight: 700; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); gap: 1rem; }
        figure { margin: 0; }
        figure.chart svg { width: 100%; height: auto; }
        figure.chart input.show-original:not(:checked) ~ svg .original { display: none; }
        figure.chart label.show-original { font-size: .85rem; margin-left: .25rem; }
        table.chart-data { font-size: .8rem; margin-top: .25rem; border-collapse: collapse; }
        table.chart-data caption { text-align: left; color: var(--muted); }
        table.chart-data td, table.chart-data th { padding: 0 .4rem; }
        figure.map svg { width: 100%; max-width: 40rem; height: auto; }
        ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; font-size: .85rem; }
        .swatch { display: inline-block; width: 1rem; height: 1rem; border: 1px solid #767676; vertical-align: middle; margin-right: .3rem; }
        .swatch.none { background: repeating-linear-gradient(45deg, #d9d9d9 0 3px, #737373 3px 5px); }
        a.footnote { font-size: .8rem; text-decoration: none; }
        details.context { margin: 1rem 0; }
        details.context summary { cursor: pointer; color: var(--muted); }
        .sources ol { font-size: .9rem; }
        .session { margin-left: auto; }
        form.session { display: flex; gap: .5rem; align-items: center; }
        form.stacked { margin: 1.5rem 0; max-width: 44rem; }
        form.stacked fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; }
        form.stacked legend { font-weight: 700; }
        .field { display: flex; flex-direction: column; margin: .6rem 0; }
        .field.check { flex-direction: row; gap: .5rem; align-items: center; }
        .field .hint { margin-bottom: .2rem; }
        textarea { font: inherit; padding: .4rem .6rem; border: 1px solid #767676; border-radius: 4px; }
        form.inline { display: inline; }
        button.secondary { background: #fff; color: var(--accent); }
        .errors { border: 2px solid #b00020; background: #fdecee; padding: .5rem 1rem; margin: 1rem 0; }
        .notice { border-left: 4px solid #2e7d32; background: #edf7ee; padding: .5rem 1rem; }
        .two-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr)); gap: 2rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
        dl.facts dt { font-weight: 700; }
        dl.facts dd { margin: 0; }
        nav.tasks ul { display: flex; gap: 1.25rem; list-style: none; padding: 0; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        /* Small screens: nothing wider than the screen; wide tables scroll inside themselves. */
        @media (max-width: 48rem) {
            header.site { gap: .5rem 1rem; padding: .5rem .75rem; }
            main { padding: .75rem; }
            table.figures, table.chart-data { display: block; overflow-x: auto; max-width: 100%; }
            form.session { margin-left: 0; flex-wrap: wrap; }
            form.filters div { flex: 1 1 100%; min-width: 0; }
            dl.facts { grid-template-columns: 1fr; }
            form.filters select, form.filters input:not([type=checkbox]) { width: 100%; }
            h1 { font-size: 1.5rem; }
        }
        @media print {
          @page { size: A4; margin: 18mm 15mm; }
          body { font-size: 10.5pt; }
          header.site nav, .skip, .print-hide, form { display: none !important; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          section { break-inside: auto; }
          figure, table.figures tr { break-inside: avoid; }
          #ontwikkeling, #lijkt-op, #kaart, .sources { break-before: page; }
          a { color: var(--ink); text-decoration: none; }
          a.footnote::after { content: ""; }
          .charts { grid-template-columns: 1fr 1fr; }
        }
        """
}
