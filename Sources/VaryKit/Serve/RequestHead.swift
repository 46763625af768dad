/// The bytes of a request head as they arrive, in as many pieces as the client sends them.
struct RequestHead: Sendable {
    /// What reading a request head gave.
    enum Outcome: Sendable, Equatable {
        /// The bytes up to and including the blank line that ends the headers.
        case complete([UInt8])
        /// The client sent more than the limit without ending its headers.
        case tooLarge
        /// The connection ended before the headers did; `partial` says whether anything came.
        case incomplete(partial: Bool)
        /// The whole head did not arrive before the deadline (a slow or stalled client).
        case timedOut
    }

    /// The most bytes a head may have.
    let limit: Int
    private(set) var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Adds what arrived; returns the outcome once the head is complete or too large, else nil.
    mutating func append(_ piece: some Collection<UInt8>) -> Outcome? {
        let searchFrom = max(0, bytes.count - 3)
        bytes.append(contentsOf: piece)
        if let end = Self.headEnd(bytes, from: searchFrom) {
            return end <= limit ? .complete(Array(bytes[0..<end])) : .tooLarge
        }
        return bytes.count > limit ? .tooLarge : nil
    }

    /// The index just past the first CRLF CRLF at or after `start`.
    private static func headEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                return index + 4
            }
            index += 1
        }
        return nil
    }
}
