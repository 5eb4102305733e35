/// Receives a report's rows one at a time, in order, and writes them in one format.
protocol RowWriter: AnyObject {
    func begin(_ columns: [Column])
    func write(_ row: [ReportValue])
    /// `totals` is the row of the whole range, which only a table shows.
    func finish(totals: [ReportValue]?)
    /// A remark for the person reading a table (what was left out, what a mark means); other formats drop it.
    func note(_ text: String)
}

extension RowWriter {
    func finish() {
        finish(totals: nil)
    }
}
