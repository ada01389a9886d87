// Generated from templates/ by DefaultTemplatesTests: do not edit.
// Regenerate with: DECUONG_REGENERATE_TEMPLATES=1 swift test --filter DefaultTemplatesTests

/// The default theme, compiled in so that `decuong build` works in any folder.
enum DefaultTemplates {
    static let files: [String: String] = [
        "assets/print.css": ####"""
/* Printing a document page gives the official layout (Hướng dẫn 36-HD/VPTW, Nghị định
   30/2020/NĐ-CP): A4, serif 13–14 pt, no site navigation. */
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt; line-height: 1.35; color: #000; background: #fff; }
.wrap { max-width: none; padding: 0; }
.site-header, .site-footer, .skip-link, .breadcrumbs, .toc, .sec-theme-link, .pager, .attachments, .letter-nav, .source-link { display: none !important; }
a, a:visited { color: #000; text-decoration: none; }
h1, h2, h3, h4, h5, h6 { page-break-after: avoid; break-after: avoid; }
p { orphans: 3; widows: 3; text-indent: 0; }
.document-body p { text-align: justify; margin: 0 0 6pt; }
.official-header { display: flex; flex-wrap: nowrap; margin: 0 0 12pt; font-size: 13pt; }
.official-header > div { flex: 1 1 50%; }
.place-date { font-size: 14pt; }
.document-title { font-size: 14pt; margin: 12pt 0; }
.document-kind { font-size: 15pt; }
.document-summary { font-size: 14pt; }
.sec-heading, h2.sec-heading { font-size: 14pt; margin: 6pt 0; }
.document-closing { display: flex; flex-wrap: nowrap; page-break-inside: avoid; break-inside: avoid; }
.recipients { font-size: 12pt; flex: 1 1 50%; }
.signature { flex: 1 1 50%; font-size: 14pt; }
.signature-name { margin-top: 48pt !important; }

"""####,
        "assets/style.css": ####"""
/* decuong default theme. Every colour pair meets WCAG AA contrast; the layout has no fixed
   widths, so a 375 px phone never scrolls sideways. */
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.6;
  color: #1a1a1a;
  background: #fff;
  overflow-wrap: break-word;
}
.wrap { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0b4f9c; }
a:visited { color: #5b2a86; }
a:hover { color: #062f5e; }
a:focus-visible, main:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
main:focus { outline: none; }

.skip-link {
  position: absolute; left: 0.5rem; top: -3rem;
  background: #fff; color: #0b4f9c; padding: 0.5rem 0.75rem; z-index: 10;
  border: 2px solid #0b4f9c;
}
.skip-link:focus { top: 0.5rem; }

.site-header { background: #8b1a1a; color: #fff; padding: 0.75rem 0; }
.site-header a, .site-header a:visited { color: #fff; }
.site-title { margin: 0 0 0.25rem; font-weight: 700; font-size: 1.05rem; line-height: 1.35; }
.site-title a { text-decoration: none; }
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.site-nav a { text-decoration: none; border-bottom: 2px solid transparent; }
.site-nav a:hover, .site-nav a[aria-current="page"] { border-bottom-color: #fff; }
.site-nav a:focus-visible { outline-color: #fff; }

main { display: block; padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.35; margin: 1.75rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 0.5rem; }

.breadcrumbs ol { list-style: none; margin: 0 0 0.5rem; padding: 0; font-size: 0.9rem; }
.breadcrumbs li { display: inline; }
.breadcrumbs li + li::before { content: "›"; margin: 0 0.4rem; color: #555; }

.official-header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; text-align: center; margin: 0.5rem 0 1.5rem; }
.official-header > div { flex: 1 1 14rem; }
.official-header p { margin: 0; }
.issuer, .national { font-weight: 700; text-transform: uppercase; }
.place-date { font-style: italic; margin-top: 0.5rem !important; }
.document-title { text-align: center; }
.document-kind { display: block; text-transform: uppercase; }
.document-summary { display: block; font-size: 1.15rem; font-weight: 700; }
.attached-to { text-align: center; font-style: italic; }

.toc { background: #f4f1ea; border-left: 4px solid #8b1a1a; padding: 0.5rem 1rem; margin: 1.5rem 0; }
.toc h2 { margin-top: 0.5rem; font-size: 1.1rem; }
.toc ol { list-style: none; padding-left: 1rem; margin: 0.25rem 0; }
.toc > ol { padding-left: 0; }

.document-body p, .theme-part p { text-align: justify; hyphens: manual; }
.sec-heading { font-size: 1.1rem; }
h2.sec-heading { font-size: 1.2rem; text-transform: uppercase; }
.sec-marker { font-weight: 700; }
.sec-theme-link { font-size: 0.9rem; margin-top: -0.25rem; }
.sec-theme-link a::before { content: "→ "; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid #b35c00; background: #fff7ec; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
pre { overflow-x: auto; }

.document-closing { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1.5rem; margin-top: 2rem; }
.recipients { flex: 1 1 14rem; font-size: 0.9rem; }
.recipients-title { font-weight: 700; font-style: italic; margin: 0; }
.recipients ul { list-style: none; padding: 0; margin: 0; }
.recipients li::before { content: "- "; }
.signature { flex: 1 1 14rem; text-align: center; }
.signature p { margin: 0; }
.signature-authority, .signature-position { font-weight: 700; text-transform: uppercase; }
.signature-name { font-weight: 700; margin-top: 3rem !important; }

.theme-kicker { margin: 0; color: #5c4a00; font-weight: 700; text-transform: uppercase; font-size: 0.9rem; }
.theme-part { border-top: 1px solid #ddd; }
.source-link { font-size: 0.95rem; }
.pager ul { list-style: none; padding: 0; margin: 2rem 0 0; display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; }
.pager li { flex: 1 1 14rem; }
.pager-next { text-align: right; }
.pager-label { display: block; font-size: 0.85rem; color: #555; }

.document-list, .index-list, .theme-list { padding-left: 1.25rem; }
.document-list > li { margin-bottom: 1rem; }
.document-link { font-weight: 700; }
.meta { margin: 0.1rem 0; color: #4a4a4a; font-size: 0.95rem; }
.theme-list { list-style: none; padding-left: 0; }
.theme-list li { margin: 0.4rem 0; }
.theme-number { font-weight: 700; }
.badge { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border: 1px solid #8a5a00; color: #6b4500; border-radius: 0.25rem; }
.empty { color: #4a4a4a; font-style: italic; }

.letter-nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.letter { border-bottom: 2px solid #8b1a1a; }
.entry { margin-bottom: 1.25rem; }
.places-title { margin: 0.25rem 0 0; font-weight: 600; }
.places { margin-top: 0.25rem; }
.context { color: #3d3d3d; font-size: 0.95rem; }
.role { font-weight: 700; }

.timeline-chart { margin: 1rem 0; }
.timeline-chart svg { width: 100%; height: auto; display: block; }
.timeline { list-style: none; padding-left: 0; border-left: 3px solid #8b1a1a; }
.timeline li { padding: 0 0 1rem 1rem; position: relative; }
.timeline li::before { content: ""; position: absolute; left: -0.5rem; top: 0.5rem; width: 0.7rem; height: 0.7rem; border-radius: 50%; background: #8b1a1a; }
.timeline time { font-weight: 700; }

.site-footer { border-top: 1px solid #ddd; font-size: 0.9rem; color: #4a4a4a; padding: 1rem 0 2rem; }

"""####,
        "cited-documents.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.citedDocuments}}</h1>
{{> partials/letter-nav}}
{{#groups}}
<section aria-labelledby="{{id}}">
<h2 id="{{id}}" class="letter">{{letter}}</h2>
{{#entries}}
<section class="entry" id="{{anchor}}" aria-labelledby="{{anchor}}-ten">
<h3 id="{{anchor}}-ten">{{name}}</h3>
{{#date}}
<p class="meta">{{t.date}} {{.}}</p>
{{/date}}
{{#documentHref}}
<p><a href="{{.}}">{{t.readDocument}}</a></p>
{{/documentHref}}
{{^documentHref}}
<p class="meta">{{t.notInSite}}</p>
{{/documentHref}}
<p class="places-title">{{t.citedIn}}:</p>
{{> partials/places}}
</section>
{{/entries}}
</section>
{{/groups}}
{{^groups}}
<p class="empty">{{t.noCitations}}</p>
{{/groups}}
{{/main}}
{{/layout}}

"""####,
        "document.mustache": ####"""
{{<layout}}
{{$main}}
<article class="document" aria-labelledby="tieu-de">
{{> partials/official-header}}
<h1 id="tieu-de" class="document-title">{{#kindLine}}<span class="document-kind">{{.}}</span> {{/kindLine}}<span class="document-summary">{{summary}}</span></h1>
{{#parent}}
<p class="attached-to">({{t.attachedTo}} <a href="{{href}}">{{title}}</a>)</p>
{{/parent}}
{{#hasToc}}
<nav class="toc" aria-labelledby="muc-luc">
<h2 id="muc-luc">{{t.tableOfContents}}</h2>
<ol>
{{#toc}}
{{> partials/toc-entry}}
{{/toc}}
</ol>
</nav>
{{/hasToc}}
<div class="document-body">
{{{preambleHtml}}}
{{#sections}}
{{> partials/section}}
{{/sections}}
{{{epilogueHtml}}}
</div>
{{> partials/closing}}
{{#hasAttachments}}
<section class="attachments" aria-labelledby="van-ban-kem-theo">
<h2 id="van-ban-kem-theo">{{t.attachments}}</h2>
<ul>
{{#attachments}}
<li><a href="{{href}}">{{title}}</a></li>
{{/attachments}}
</ul>
</section>
{{/hasAttachments}}
</article>
{{/main}}
{{/layout}}

"""####,
        "home.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{siteTitle}}</h1>
{{#description}}
<p class="lead">{{.}}</p>
{{/description}}
<section aria-labelledby="danh-sach-van-ban">
<h2 id="danh-sach-van-ban">{{t.documents}}</h2>
{{#hasDocuments}}
<ul class="document-list">
{{#documents}}
<li>
<a class="document-link" href="{{href}}">{{title}}</a>
{{#meta}}
<p class="meta">{{.}}</p>
{{/meta}}
{{#hasThemes}}
<p class="meta"><a href="{{themesHref}}">{{themeCount}} {{t.themeCount}}</a></p>
{{/hasThemes}}
{{#hasAttachments}}
<ul class="attachment-list">
{{#attachments}}
<li><a href="{{href}}">{{title}}</a></li>
{{/attachments}}
</ul>
{{/hasAttachments}}
</li>
{{/documents}}
</ul>
{{/hasDocuments}}
{{^hasDocuments}}
<p class="empty">{{t.noDocuments}}</p>
{{/hasDocuments}}
</section>
<section aria-labelledby="tra-cuu">
<h2 id="tra-cuu">{{t.indexes}}</h2>
<ul class="index-list">
{{#indexes}}
<li><a href="{{href}}">{{label}}</a>: {{description}}</li>
{{/indexes}}
</ul>
</section>
{{/main}}
{{/layout}}

"""####,
        "layout.mustache": ####"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{pageTitle}}</title>
{{#description}}
<meta name="description" content="{{.}}">
{{/description}}
{{#canonicalURL}}
<link rel="canonical" href="{{.}}">
{{/canonicalURL}}
{{#feedHref}}
<link rel="alternate" type="application/atom+xml" title="{{siteTitle}}" href="{{.}}">
{{/feedHref}}
<link rel="stylesheet" href="{{root}}assets/style.css">
<link rel="stylesheet" href="{{root}}assets/print.css" media="print">
</head>
<body class="page-{{pageKind}}">
<a class="skip-link" href="#noi-dung">{{t.skipToContent}}</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="{{root}}index.html">{{siteTitle}}</a></p>
<nav class="site-nav" aria-label="{{t.mainNavigation}}">
<ul>
{{#nav}}
<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
{{/nav}}
</ul>
</nav>
</div>
</header>
<main id="noi-dung" class="wrap" tabindex="-1">
{{#hasBreadcrumbs}}
<nav class="breadcrumbs" aria-label="{{t.breadcrumbs}}">
<ol>
{{#breadcrumbs}}
<li>{{#href}}<a href="{{.}}">{{label}}</a>{{/href}}{{^href}}<span aria-current="page">{{label}}</span>{{/href}}</li>
{{/breadcrumbs}}
</ol>
</nav>
{{/hasBreadcrumbs}}
{{$main}}{{/main}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{t.footer}}</p>
</div>
</footer>
</body>
</html>

"""####,
        "not-found.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.notFoundTitle}}</h1>
<p>{{t.notFoundText}}</p>
<p><a href="{{root}}index.html">{{t.backHome}}</a></p>
{{/main}}
{{/layout}}

"""####,
        "organizations.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.organizations}}</h1>
{{> partials/letter-nav}}
{{#groups}}
<section aria-labelledby="{{id}}">
<h2 id="{{id}}" class="letter">{{letter}}</h2>
{{#entries}}
<section class="entry" id="{{anchor}}" aria-labelledby="{{anchor}}-ten">
<h3 id="{{anchor}}-ten">{{name}}</h3>
{{#hasAssignments}}
<p class="places-title">{{t.assignedTasks}}:</p>
<ul class="assignments">
{{#assignments}}
<li><span class="role role-{{roleKey}}">{{role}}</span>: {{task}} (<a href="{{href}}">{{label}}</a>)</li>
{{/assignments}}
</ul>
{{/hasAssignments}}
{{#hasPlaces}}
<p class="places-title">{{t.mentionedIn}}:</p>
{{> partials/places}}
{{/hasPlaces}}
</section>
{{/entries}}
</section>
{{/groups}}
{{^groups}}
<p class="empty">{{t.noOrganizations}}</p>
{{/groups}}
{{/main}}
{{/layout}}

"""####,
        "partials/closing.mustache": ####"""
{{#hasClosing}}
<footer class="document-closing">
<div class="recipients">
{{#hasRecipients}}
<p class="recipients-title">{{t.recipients}}</p>
<ul>
{{#recipients}}
<li>{{.}}</li>
{{/recipients}}
</ul>
{{/hasRecipients}}
</div>
<div class="signature">
{{#signature}}
{{#authority}}
<p class="signature-authority">{{.}}</p>
{{/authority}}
{{#position}}
<p class="signature-position">{{.}}</p>
{{/position}}
{{#name}}
<p class="signature-name">{{.}}</p>
{{/name}}
{{/signature}}
</div>
</footer>
{{/hasClosing}}

"""####,
        "partials/letter-nav.mustache": ####"""
{{#hasLetters}}
<nav class="letter-nav" aria-label="{{t.letters}}">
<ul>
{{#letters}}
<li><a href="#{{id}}">{{letter}}</a></li>
{{/letters}}
</ul>
</nav>
{{/hasLetters}}

"""####,
        "partials/official-header.mustache": ####"""
{{#hasOfficialHeader}}
<header class="official-header">
<div class="official-issuer">
{{#issuerLines}}
<p class="issuer">{{.}}</p>
{{/issuerLines}}
{{#issuer}}
<p class="issuer-star" aria-hidden="true">*</p>
{{/issuer}}
{{#numberLine}}
<p class="number">{{.}}</p>
{{/numberLine}}
</div>
<div class="official-national">
{{#nationalTitle}}
<p class="national">{{.}}</p>
{{/nationalTitle}}
{{#placeDate}}
<p class="place-date">{{.}}</p>
{{/placeDate}}
</div>
</header>
{{/hasOfficialHeader}}

"""####,
        "partials/places.mustache": ####"""
<ul class="places">
{{#places}}
<li><a href="{{href}}">{{label}}</a>{{#context}}<br><q class="context">{{.}}</q>{{/context}}</li>
{{/places}}
</ul>

"""####,
        "partials/section.mustache": ####"""
{{#isHeading}}
<section class="sec sec-{{level}}"{{#id}} id="{{.}}"{{/id}}>
<h{{headingLevel}} class="sec-heading"><span class="sec-marker">{{marker}}</span> {{{leadHtml}}}</h{{headingLevel}}>
{{#themeHref}}
<p class="sec-theme-link"><a href="{{.}}">{{t.themePage}} {{themeNumber}}</a></p>
{{/themeHref}}
{{{bodyHtml}}}
{{#children}}
{{> partials/section}}
{{/children}}
</section>
{{/isHeading}}
{{^isHeading}}
<div class="sec sec-{{level}} sec-runin"{{#id}} id="{{.}}"{{/id}}>
<p class="sec-lead"><span class="sec-marker">{{marker}}</span> {{{leadHtml}}}</p>
{{#themeHref}}
<p class="sec-theme-link"><a href="{{.}}">{{t.themePage}} {{themeNumber}}</a></p>
{{/themeHref}}
{{{bodyHtml}}}
{{#children}}
{{> partials/section}}
{{/children}}
</div>
{{/isHeading}}

"""####,
        "partials/toc-entry.mustache": ####"""
<li><a href="{{href}}">{{number}}. {{title}}</a>{{#hasChildren}}
<ol>
{{#children}}
{{> partials/toc-entry}}
{{/children}}
</ol>
{{/hasChildren}}</li>

"""####,
        "theme.mustache": ####"""
{{<layout}}
{{$main}}
<article class="theme" aria-labelledby="tieu-de">
<p class="theme-kicker">{{t.theme}} {{number}}</p>
<h1 id="tieu-de">{{title}}</h1>
<section class="theme-part" aria-labelledby="trong-ke-hoach">
<h2 id="trong-ke-hoach">{{t.inThePlan}}</h2>
{{#planSection}}
{{> partials/section}}
{{/planSection}}
<p class="source-link"><a href="{{planHref}}">{{t.readInDocument}}: {{planTitle}}</a></p>
</section>
<section class="theme-part" aria-labelledby="trong-de-cuong">
<h2 id="trong-de-cuong">{{t.inTheOutline}}</h2>
{{#outlineSection}}
{{> partials/section}}
{{/outlineSection}}
{{#outlineHref}}
<p class="source-link"><a href="{{.}}">{{t.readInDocument}}: {{outlineTitle}}</a></p>
{{/outlineHref}}
{{^outlineSection}}
<p class="empty">{{t.noOutlineSection}}</p>
{{/outlineSection}}
</section>
{{#hasCitations}}
<section class="theme-part" aria-labelledby="van-ban-trich-dan">
<h2 id="van-ban-trich-dan">{{t.citedDocuments}}</h2>
<ul>
{{#citations}}
<li><a href="{{href}}">{{name}}</a>{{#date}} ({{.}}){{/date}}</li>
{{/citations}}
</ul>
</section>
{{/hasCitations}}
{{#hasOrganizations}}
<section class="theme-part" aria-labelledby="co-quan-lien-quan">
<h2 id="co-quan-lien-quan">{{t.organizations}}</h2>
<ul>
{{#organizations}}
<li><a href="{{href}}">{{name}}</a></li>
{{/organizations}}
</ul>
</section>
{{/hasOrganizations}}
<nav class="pager" aria-label="{{t.themeNavigation}}">
<ul>
{{#previous}}
<li class="pager-previous"><a href="{{href}}" rel="prev"><span class="pager-label">{{t.previousTheme}}</span> {{number}}. {{title}}</a></li>
{{/previous}}
{{#next}}
<li class="pager-next"><a href="{{href}}" rel="next"><span class="pager-label">{{t.nextTheme}}</span> {{number}}. {{title}}</a></li>
{{/next}}
</ul>
</nav>
</article>
{{/main}}
{{/layout}}

"""####,
        "themes.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.themes}}</h1>
{{#plans}}
<section aria-labelledby="{{id}}">
<h2 id="{{id}}"><a href="{{href}}">{{title}}</a></h2>
<ol class="theme-list">
{{#themes}}
<li><a href="{{href}}"><span class="theme-number">{{number}}.</span> {{title}}</a>{{^hasOutline}} <span class="badge">{{t.noOutline}}</span>{{/hasOutline}}</li>
{{/themes}}
</ol>
</section>
{{/plans}}
{{^plans}}
<p class="empty">{{t.noThemes}}</p>
{{/plans}}
{{/main}}
{{/layout}}

"""####,
        "timeline.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.timeline}}</h1>
{{#hasEntries}}
<figure class="timeline-chart">
{{{chartHtml}}}
</figure>
<ol class="timeline">
{{#entries}}
<li id="{{id}}"><time datetime="{{datetime}}">{{display}}</time> {{#text}}<span class="timeline-text">{{.}}</span>{{/text}}{{#context}}<br><q class="context">{{.}}</q>{{/context}}<br><a href="{{href}}">{{label}}</a></li>
{{/entries}}
</ol>
{{/hasEntries}}
{{^hasEntries}}
<p class="empty">{{t.noDates}}</p>
{{/hasEntries}}
{{/main}}
{{/layout}}

"""####,
    ]
}
