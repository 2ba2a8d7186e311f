/// Sorting for integers spread over their range, as hashes and keys packed with a hash are: one
/// counting pass on the leading bits deals them into about two per bucket, then each bucket is
/// insertion-sorted. Linear time on such data, several times faster than the standard sort on the
/// few hundred shingles of an article; crowded buckets (many equal or clustered values) fall back to
/// the standard sort, so no input is slow.
func spreadSort(_ a: inout [UInt64]) {
    let n = a.count
    guard n > 1 else { return }
    a.withUnsafeMutableBufferPointer { a in
        if n <= 48 {
            insertionSort(a, 0, n)
            return
        }
        var lo = UInt64.max, hi: UInt64 = 0
        for x in a {
            lo = min(lo, x)
            hi = max(hi, x)
        }
        let range = hi &- lo
        guard range > 0 else { return }
        var bucketBits = 1
        while 1 << bucketBits < n / 2, bucketBits < 20 { bucketBits += 1 }
        let shift = UInt64(max(0, (64 - range.leadingZeroBitCount) - bucketBits))
        let buckets = Int(truncatingIfNeeded: range >> shift) + 1
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { input in
            _ = input.initialize(fromContentsOf: a)
            withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { next in
                next.initialize(repeating: 0)
                // Sizes, then each bucket's first position; scattering moves each to its bucket's end,
                // which is where the next bucket starts.
                for x in input { next[Int(truncatingIfNeeded: (x &- lo) >> shift)] += 1 }
                var position = 0
                for b in 0..<buckets {
                    let size = next[b]
                    next[b] = position
                    position += size
                }
                for x in input {
                    let b = Int(truncatingIfNeeded: (x &- lo) >> shift)
                    a[next[b]] = x
                    next[b] += 1
                }
                var start = 0
                for b in 0..<buckets {
                    let end = next[b]
                    if end - start > 32 {
                        var bucket = UnsafeMutableBufferPointer(rebasing: a[start..<end])
                        bucket.sort()
                    } else if end - start > 1 {
                        insertionSort(a, start, end)
                    }
                    start = end
                }
            }
        }
    }
}

@inline(__always)
private func insertionSort(_ a: UnsafeMutableBufferPointer<UInt64>, _ start: Int, _ end: Int) {
    var i = start + 1
    while i < end {
        let x = a[i]
        var j = i
        while j > start, a[j - 1] > x {
            a[j] = a[j - 1]
            j -= 1
        }
        a[j] = x
        i += 1
    }
}
