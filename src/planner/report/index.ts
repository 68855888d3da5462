/** Planning reports (issue 6): one data object, rendered as HTML, Markdown, CSV and JSON. Pure: no DOM. */
export * from './reportData';
export { renderHtmlReport, reportSections, sectionTitle, REPORT_CSP, REPORT_SECTIONS, type ReportSectionId } from './html';
export { renderMarkdownReport } from './markdown';
export { layoutCsv, costsCsv, delaysCsv, csvCell, toCsv, type CsvCell } from './csv';
export { reportJson, reportJsonDocument, REPORT_JSON_VERSION, type ReportJson } from './json';
export { escapeHtml, escapeMarkdown } from './escape';
