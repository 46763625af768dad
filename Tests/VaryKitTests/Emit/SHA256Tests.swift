import Testing
@testable import VaryKit

@Suite("SHA-256")
struct SHA256Tests {
    @Test("the empty message hashes to the FIPS 180-4 vector")
    func empty() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("\"abc\" hashes to the FIPS 180-4 one-block vector")
    func abc() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the 448-bit message hashes to the FIPS 180-4 two-block vector")
    func twoBlocks() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the 896-bit message hashes to the FIPS 180-4 vector")
    func longerMessage() {
        let message = Array(
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8)
        #expect(SHA256.hex(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("one million 'a' hashes to the FIPS 180-4 vector")
    func millionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("feeding a message in uneven pieces gives the same digest as feeding it whole")
    func streaming() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for pieceSize in [1, 3, 63, 64, 65, 200] {
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                let end = min(start + pieceSize, message.count)
                hasher.update(Array(message[start..<end]))
                start = end
            }
            #expect(hasher.finalizeHex() == SHA256.hex(message), "piece size \(pieceSize)")
        }
    }

    @Test("messages whose padding spills into an extra block hash correctly")
    func paddingBoundaries() {
        // Lengths 55, 56 and 64 are where the padding needs one or two blocks.
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55))
            == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 56))
            == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64))
            == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test("the Swift compression and the processor's SHA instructions give the same digests, the FIPS vectors included")
    func hardwareAndSwiftAgree() {
        func hex(_ bytes: [UInt8], hardware: Bool) -> String {
            var hasher = SHA256(hardware: hardware)
            hasher.update(bytes)
            return hasher.finalizeHex()
        }
        #expect(hex(Array("abc".utf8), hardware: false) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(Array("abc".utf8), hardware: true) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for hardware in [false, true] {
            #expect(hex(million, hardware: hardware) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        }
        var generator = SystemRandomNumberGenerator()
        let message = (0..<5000).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        for count in Array(0...200) + [1000, 4095, 4096, 4097, 5000] {
            let part = Array(message[..<count])
            #expect(hex(part, hardware: true) == hex(part, hardware: false), "\(count) bytes")
        }
    }
}
