/// A part of a `Site` that pages are rendered from. Each case names only what the pages
/// show, so that an edit to one paragraph re-renders the pages that show that paragraph and
/// not every page that links to its document. `SiteChanges` finds which parts differ.
public enum PageDependency: Sendable, Hashable {
    /// A document in full: text, structure, front matter, attachments.
    case document(String)
    /// What other pages show of a document: its title, kind, number, date, issuer, parent and
    /// attachments.
    case summary(String)
    /// A document's section anchors and their numbers (`II.1.3`), which index pages show
    /// next to each place.
    case sectionNumbers(String)
    /// Which documents there are, in site order.
    case documentOrder
    /// One plan's themes: numbers, titles, pages, outline sections.
    case themes(ofDocument: String)
    /// What a document's page shows of its themes: anchors, numbers, theme pages.
    case themeLinks(ofDocument: String)
    /// A theme page's theme and its previous and next themes (titles, pages, outline sections).
    case themePage(String)
    /// Every plan's themes.
    case allThemes
    /// Where a citation links: the cited-document entries without their places.
    case citationTargets
    /// The cited-documents index with every place (source positions left out: no page shows them).
    case citedDocuments
    /// Organization names and anchors.
    case organizationTargets
    /// The organizations index with assignments and mentions (without source positions).
    case organizations
    /// The timeline (without source positions).
    case timeline
    /// The paths of the HTML pages.
    case pageList
    /// The content of any document (for files built from every document, such as search data).
    case anyDocument
}
