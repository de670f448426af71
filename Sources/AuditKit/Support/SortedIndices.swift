extension Array {
    /// The indices of the elements in the order `areInIncreasingOrder` sorts them, equal ones in
    /// their own order. Elements often come in order already: one pass finds that before any sort.
    func sortedIndices(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Int] {
        if zip(self, dropFirst()).allSatisfy({ !areInIncreasingOrder($1, $0) }) { return [Int](indices) }
        return indices.sorted { areInIncreasingOrder(self[$0], self[$1]) }
    }
}
