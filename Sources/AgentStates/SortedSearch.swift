extension RandomAccessCollection {
    /// The first index whose element `isPast`, in a collection where `isPast` is false up to some
    /// element and true from there on (a binary search); `endIndex` when it never holds.
    func firstIndex(past isPast: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isPast(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
