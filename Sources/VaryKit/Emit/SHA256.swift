import CSHA256

/// SHA-256 (FIPS 180-4), because Linux has no CryptoKit and Vary takes no package dependencies: the compression
/// runs on the processor's SHA instructions when it has them (`CSHA256`), else in Swift.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    /// Bytes of an incomplete block carried between `update` calls.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go to the processor's SHA instructions.
    private let usesHardware: Bool

    /// Whether this processor has the SHA instructions.
    static let hardwareAvailable = vary_sha256_hardware_available() == 1

    /// Starts a new digest.
    public init() {
        self.init(hardware: SHA256.hardwareAvailable)
    }

    /// Starts a new digest computed on the processor's SHA instructions or, with `hardware` false, in Swift.
    init(hardware: Bool) {
        usesHardware = hardware && SHA256.hardwareAvailable
        pending.reserveCapacity(64)
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Feeds more bytes into the digest.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds more bytes into the digest without copying them.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count < 64 { return }
            let block = pending
            block.withUnsafeBytes { compress($0, blocks: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (bytes.count - offset) / 64
        if whole > 0 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + whole * 64)]), blocks: whole)
            offset += whole * 64
        }
        if offset < bytes.count {
            pending.append(contentsOf: bytes[offset...])
        }
    }

    /// Pads the message and returns the 32-byte digest; the value should not be updated afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { compress($0, blocks: tail.count / 64) }
        pending.removeAll()
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// Pads the message and returns the lowercase hex digest.
    public mutating func finalizeHex() -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The compression function over whole 64-byte blocks. The eight working variables are not shifted along
    /// after each round: the rounds are written out eight at a time with the variables' roles rotated instead,
    /// and the message schedule is kept as a ring of sixteen words computed as the rounds need them.
    private mutating func compress(_ data: UnsafeRawBufferPointer, blocks: Int) {
        guard let base = data.baseAddress else { return }
        if usesHardware {
            var state = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &state) { words in
                SHA256.roundConstants.withUnsafeBufferPointer { constants in
                    vary_sha256_compress(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                         base.assumingMemoryBound(to: UInt8.self), blocks, constants.baseAddress!)
                }
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = state
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { ring in
            let w = ring.baseAddress!
            SHA256.roundConstants.withUnsafeBufferPointer { constants in
                let k = constants.baseAddress!
                for block in 0..<blocks {
                    let bytes = base + block * 64
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    var i = 0
                    while i < 64 {
                        if i >= 16 {
                            for j in 0..<16 { SHA256.schedule(w, j) }
                        }
                        var j = 0
                        while j < 16 {
                            SHA256.round(a, b, c, &d, e, f, g, &h, k[i + j] &+ w[j])
                            SHA256.round(h, a, b, &c, d, e, f, &g, k[i + j + 1] &+ w[j + 1])
                            SHA256.round(g, h, a, &b, c, d, e, &f, k[i + j + 2] &+ w[j + 2])
                            SHA256.round(f, g, h, &a, b, c, d, &e, k[i + j + 3] &+ w[j + 3])
                            SHA256.round(e, f, g, &h, a, b, c, &d, k[i + j + 4] &+ w[j + 4])
                            SHA256.round(d, e, f, &g, h, a, b, &c, k[i + j + 5] &+ w[j + 5])
                            SHA256.round(c, d, e, &f, g, h, a, &b, k[i + j + 6] &+ w[j + 6])
                            SHA256.round(b, c, d, &e, f, g, h, &a, k[i + j + 7] &+ w[j + 7])
                            j += 8
                        }
                        i += 16
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
            }
        }
    }

    /// One round: `h` becomes the new `a` and `d` the new `e`; the caller renames the rest.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32
    ) {
        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choice = (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ choice &+ constantAndWord
        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        d &+= t1
        h = t1 &+ s0 &+ majority
    }

    /// The next schedule word in ring slot `j`: W[t] from W[t-16] (the slot itself), W[t-15], W[t-7] and W[t-2].
    @inline(__always)
    private static func schedule(_ w: UnsafeMutablePointer<UInt32>, _ j: Int) {
        let x = w[(j + 1) & 15], y = w[(j + 14) & 15]
        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
        w[j] = w[j] &+ s0 &+ w[(j + 9) & 15] &+ s1
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
