/// What an HTML page shows around its table: a heading, which calls it covers (a page mailed on
/// must say so itself), and the charts drawn from its rows.
struct PageShape {
    let heading: String
    let scope: String
    var charts: [ChartShape] = []
}
