/// The one hand-written stylesheet, served at /static/wijkradar.css. Print rules make the wijkanalyse an A4 document.
public enum Stylesheet {
    public static let css = tokens + base + components + small + print

    /// Design tokens: every colour, type size and space the site uses, in one place (after the NL Design System's
    /// token idea; the names are Wijkradar's own). Colours meet WCAG AA contrast on white.
    static let tokens = """
        :root {
          --wr-color-ink: #1a1a1a; --wr-color-muted: #545454; --wr-color-line: #cdd5df; --wr-color-bg: #ffffff;
          --wr-color-soft: #f1f5f9; --wr-color-primary: #154273; --wr-color-primary-dark: #0d2c4d;
          --wr-color-primary-soft: #e5edf6; --wr-color-link: #0b5394; --wr-color-focus: #ffb612;
          --wr-color-signal: #a3261b; --wr-color-signal-soft: #fbeceb; --wr-color-note: #7a4a00;
          --wr-color-ok: #2e7d32; --wr-color-ok-soft: #edf7ee; --wr-color-highlight: #fff4d6;
          --wr-font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          --wr-font-size-s: .875rem; --wr-font-size-m: 1rem; --wr-font-size-l: 1.25rem; --wr-font-size-xl: 1.6rem;
          --wr-font-size-2xl: 2rem; --wr-line-height: 1.5;
          --wr-space-1: .25rem; --wr-space-2: .5rem; --wr-space-3: .75rem; --wr-space-4: 1rem; --wr-space-5: 1.5rem;
          --wr-space-6: 2.5rem; --wr-radius: 4px; --wr-page-width: 74rem;
          /* Short names used below. */
          --ink: var(--wr-color-ink); --muted: var(--wr-color-muted); --line: var(--wr-color-line);
          --accent: var(--wr-color-link); --bg: var(--wr-color-bg); --soft: var(--wr-color-soft);
        }

        """

    static let base = """
        * { box-sizing: border-box; }
        body { margin: 0; font: var(--wr-font-size-m)/var(--wr-line-height) var(--wr-font-family); color: var(--ink); background: var(--bg); }
        a { color: var(--accent); text-underline-offset: .15em; }
        a:hover { color: var(--wr-color-primary-dark); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, main:focus, summary:focus { outline: 3px solid var(--wr-color-focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 2; }
        .skip:focus { left: .5rem; }
        header.site { background: var(--bg); border-bottom: 4px solid var(--wr-color-primary); }
        header.site .bar { max-width: var(--wr-page-width); margin: 0 auto; padding: var(--wr-space-3) 1.25rem; display: flex; gap: var(--wr-space-2) var(--wr-space-5); align-items: center; flex-wrap: wrap; }
        .brand { display: inline-flex; align-items: center; gap: var(--wr-space-2); font-weight: 700; font-size: var(--wr-font-size-l); text-decoration: none; color: var(--wr-color-primary); letter-spacing: .01em; }
        .brand svg { width: 2rem; height: 2rem; flex: none; }
        .brand .tagline { display: block; font-weight: 400; font-size: var(--wr-font-size-s); color: var(--muted); letter-spacing: 0; }
        header.site nav { flex: 1 1 auto; }
        header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--wr-space-1) var(--wr-space-4); margin: 0; padding: 0; }
        header.site nav a { text-decoration: none; padding: var(--wr-space-1) 0; display: inline-block; border-bottom: 3px solid transparent; }
        header.site nav a:hover, header.site nav a[aria-current] { border-bottom-color: var(--wr-color-primary); }
        header.site nav a[aria-current] { font-weight: 700; color: var(--wr-color-primary); }
        button.menu-toggle { display: none; }
        footer.site { margin-top: var(--wr-space-6); background: var(--wr-color-primary); color: #fff; font-size: var(--wr-font-size-s); }
        footer.site p { max-width: var(--wr-page-width); margin: 0 auto; padding: var(--wr-space-4) 1.25rem; }
        footer.site a { color: #fff; }
        main { max-width: var(--wr-page-width); margin: 0 auto; padding: var(--wr-space-4) 1.25rem; overflow-wrap: break-word; }
        h1 { font-size: var(--wr-font-size-2xl); line-height: 1.2; margin: var(--wr-space-1) 0 var(--wr-space-3); color: var(--wr-color-primary-dark); }
        h2 { font-size: var(--wr-font-size-xl); line-height: 1.25; margin-top: var(--wr-space-6); border-bottom: 1px solid var(--line); padding-bottom: var(--wr-space-1); color: var(--wr-color-primary-dark); }
        h3 { font-size: var(--wr-font-size-l); }
        .lead { font-size: 1.1rem; }
        .meta, .unit { color: var(--muted); font-size: .9rem; }
        .note { color: var(--wr-color-note); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

        """

    static let components = """
        form.search, form.filters { display: flex; gap: .75rem; flex-wrap: wrap; align-items: flex-end; margin: 1rem 0; }
        form.filters div { display: flex; flex-direction: column; }
        input, select, button { font: inherit; padding: .4rem .6rem; border: 1px solid #767676; border-radius: 4px; max-width: 100%; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        ul.results li { margin: .35rem 0; }
        ol.results li.hit { margin: 0 0 var(--wr-space-4); }
        ol.results p.summary { margin: .2rem 0 0; }
        .badge.evidence { background: var(--wr-color-primary); }
        /* Key figures as tiles, each with its comparison and source. */
        ul.tiles { list-style: none; padding: 0; margin: var(--wr-space-4) 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr)); gap: var(--wr-space-3); }
        ul.tiles li { border: 1px solid var(--line); border-top: 4px solid var(--wr-color-primary); border-radius: var(--wr-radius); padding: var(--wr-space-3); background: var(--bg); }
        ul.tiles li.signal { border-top-color: var(--wr-color-signal); }
        .tile-label { display: block; font-size: var(--wr-font-size-s); color: var(--muted); }
        .tile-value { display: block; font-size: var(--wr-font-size-xl); font-weight: 700; color: var(--wr-color-primary-dark); font-variant-numeric: tabular-nums; line-height: 1.3; }
        .tile-compare { display: block; font-size: var(--wr-font-size-s); }
        /* Section navigation on long pages. */
        nav.on-page { margin: var(--wr-space-4) 0; padding: var(--wr-space-3) var(--wr-space-4); background: var(--wr-color-soft); border-left: 4px solid var(--wr-color-primary); }
        nav.on-page h2 { font-size: var(--wr-font-size-m); margin: 0 0 var(--wr-space-1); border: 0; padding: 0; }
        nav.on-page ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: var(--wr-space-1) var(--wr-space-4); }
        nav.on-page a { display: inline-block; padding: var(--wr-space-1) 0; }
        ul.actions { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: var(--wr-space-2) var(--wr-space-4); }
        a.button { display: inline-block; padding: .4rem .8rem; border: 1px solid var(--wr-color-primary); border-radius: var(--wr-radius); text-decoration: none; background: var(--bg); }
        a.button:hover { background: var(--wr-color-primary-soft); }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        th a.sort { color: inherit; }
        th[aria-sort] a.sort { font-weight: 700; }
        .signal-yes { color: var(--wr-color-signal); font-weight: 700; }
        figure.chart .legend svg { width: 2rem; height: .8rem; vertical-align: middle; margin-right: .3rem; }
        figure.chart figcaption .source, figure.map .source, p.source { display: block; font-size: var(--wr-font-size-s); color: var(--muted); }
        figure.map.choose a.chosen path { stroke: #000; stroke-width: 3; }
        figure.chart input.show-original:not(:checked) ~ ul.legend li.original { display: none; }
        /* A report's contents carry their own section numbers ("1.2"): no list numbers besides them. */
        nav.toc ol { list-style: none; padding-left: 0; }
        nav.toc li.toc-2 { padding-left: 1.5rem; }
        fieldset.indicators { border: 1px solid var(--line); border-radius: var(--wr-radius); }
        fieldset.indicators ul { list-style: none; padding: 0; columns: 16rem auto; }
        table.compare td.num:first-of-type { font-weight: 700; }

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
        """

    /// Small screens: nothing wider than the screen; wide tables scroll inside themselves; the menu collapses
    /// behind a button when the script is there (without it the menu simply wraps).
    static let small = """
        @media (max-width: 48rem) {
            header.site .bar { padding: var(--wr-space-2) var(--wr-space-3); }
            .js button.menu-toggle { display: inline-flex; margin-left: auto; align-items: center; gap: .4rem; background: var(--bg); color: var(--wr-color-primary); border: 2px solid var(--wr-color-primary); min-height: 2.75rem; }
            .js header.site nav.collapsed { display: none; }
            header.site nav { flex-basis: 100%; }
            header.site nav ul { flex-direction: column; gap: 0; }
            header.site nav a { display: block; padding: var(--wr-space-2) 0; min-height: 2.75rem; }
            .brand .tagline { display: none; }
            main { padding: .75rem; }
            table.figures, table.chart-data { display: block; overflow-x: auto; max-width: 100%; }
            /* A table in a scrolling container keeps its table layout (and its semantics in WebKit). */
            .table-scroll table.figures { display: table; }
            form.session { margin-left: 0; flex-wrap: wrap; }
            form.filters div { flex: 1 1 100%; min-width: 0; }
            dl.facts { grid-template-columns: 1fr; }
            form.filters select, form.filters input:not([type=checkbox]) { width: 100%; }
            h1 { font-size: 1.5rem; }
            h2 { font-size: 1.3rem; }
            ul.tiles { grid-template-columns: 1fr 1fr; }
            .tile-value { font-size: var(--wr-font-size-l); }
        }
        @media (max-width: 22rem) { ul.tiles { grid-template-columns: 1fr; } }

        """

    /// Print: A4, no menu or forms, tables, figures and legends kept together, headers repeated on every page.
    static let print = """
        @media print {
          @page { size: A4; margin: 16mm 14mm 18mm; @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #545454; } }
          body { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; }
          header.site nav, header.site form, header.site a.session, button.menu-toggle, .skip, .print-hide, form, nav.on-page, nav.pager, footer.site { display: none !important; }
          header.site { border-bottom-width: 2px; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14pt; }
          h2, h3, caption, figcaption { break-after: avoid; }
          section { break-inside: auto; }
          figure, ul.tiles li, table.chart-data, ul.legend, figure.map { break-inside: avoid; }
          table.figures thead { display: table-header-group; }
          table.figures tr { break-inside: avoid; }
          table.figures, table.chart-data { display: table; overflow: visible; }
          #ontwikkeling { break-before: page; }
          a { color: var(--ink); text-decoration: none; }
          a.footnote::after { content: ""; }
          /* Side by side without grid (WeasyPrint 57 has none); every figure sized to fit a page whole. */
          ul.tiles, .charts { display: block; }
          ul.tiles li { display: inline-block; vertical-align: top; width: 31.5%; margin: 0 1% 4pt 0; }
          .charts figure.chart { display: inline-block; vertical-align: top; width: 48.5%; margin: 0 1% 8pt 0; }
          figure.chart svg { width: 100%; height: 52mm; }
          table.chart-data { font-size: 7pt; }
          figure.map svg { width: 100%; max-width: 100%; height: 130mm; }
          ul.legend { font-size: 8pt; }
          ul.legend svg.swatch, ul.legend .swatch { width: 9pt; height: 9pt; }
          ul.legend li { display: inline-block; margin-right: 8pt; }
          figure.chart input.show-original, figure.chart label.show-original { display: none; }
        }
        """
}
