/// The data of `search.mustache` (`tim-kiem.html`): the page is static; `search.js` fills in
/// the results from the query in its address (`tim-kiem.html?q=…`).
enum SearchPage {
    static func context(in page: PageContext) -> TemplateData {
        page.frame(title: page.strings["search"], kind: "search", current: nil,
                   breadcrumbs: [(page.strings["home"], "index.html"), (page.strings["search"], nil)])
    }
}
