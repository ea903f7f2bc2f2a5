/// CSS paged media for the reports' PDF (WeasyPrint): A4, running headers with the report and chapter title, page
/// numbers, a title page without them, page numbers in the table of contents, and sources beneath tables and figures.
enum PrintStylesheet {
    static let css = """
        @page { size: A4; margin: 22mm 18mm 24mm 18mm;
          @top-left { content: string(report); font: 8pt sans-serif; color: #555; }
          @top-right { content: string(chapter); font: 8pt sans-serif; color: #555; }
          @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font: 8pt sans-serif; color: #555; } }
        @page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
        body { font: 10pt/1.45 "DejaVu Sans", sans-serif; color: #1a1a1a; }
        .title-page { page-break-after: always; padding-top: 70mm; }
        .title-page .report-title { font-size: 28pt; string-set: report content(); margin: 4mm 0; }
        .title-page .programme { font-size: 12pt; color: #0b4f8a; }
        .meta { color: #555; }
        nav.toc { page-break-after: always; }
        nav.toc ol { list-style: none; padding: 0; }
        nav.toc li.toc-2 { padding-left: 8mm; }
        nav.toc a { color: inherit; text-decoration: none; }
        nav.toc a::after { content: leader('.') target-counter(attr(href), page); }
        h2.chapter { string-set: chapter content(); page-break-before: always; font-size: 16pt; color: #0b4f8a; }
        h3 { font-size: 12pt; margin-top: 8mm; page-break-after: avoid; }
        table.report-table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 3mm 0; page-break-inside: auto; }
        table.report-table caption { text-align: left; font-weight: bold; caption-side: top; margin-bottom: 1mm; }
        table.report-table th, table.report-table td { border-bottom: 0.4pt solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
        table.report-table .num { text-align: right; }
        figure.report-figure { margin: 4mm 0; page-break-inside: avoid; }
        figure.report-figure svg { width: 100%; height: auto; }
        figcaption { font-size: 8.5pt; font-weight: bold; }
        .figure-description { font-weight: normal; }
        .source-note { font-size: 7.5pt; color: #444; border-top: 0.4pt solid #bbb; margin-top: 1mm; page-break-inside: avoid; }
        .source-note p { margin: 0.5mm 0; }
        sup a { color: inherit; text-decoration: none; font-size: 6.5pt; }
        .notes ol { font-size: 8pt; }
        .colophon p { font-size: 8.5pt; margin: 1mm 0; }
        .editorial { border-left: 2pt solid #0b4f8a; padding-left: 3mm; }
        """
}
