import Foundation

/// The replies of an `analyze` input: one per line.
enum InputLines {
    /// Calls `body` with each line of `data` in order: split at every "\n" (empty lines
    /// included, but not the empty piece after a final "\n"), a trailing "\r" dropped, the
    /// bytes decoded as UTF-8 (invalid sequences repaired). Scans the bytes in place, so no
    /// array of lines is built.
    static func forEach(in data: Data, _ body: (String) -> Void) {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let bytes = bytes.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), as: UTF8.self))
                start = end + 1
            }
        }
    }
}
