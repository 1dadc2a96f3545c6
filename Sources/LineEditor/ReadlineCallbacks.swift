import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state readline's C callbacks read. C callbacks may touch only globals and statics
/// (a capturing `@convention(c)` closure crashes the 6.3.1 compiler), so it lives here,
/// written only by `ReadlineEditor.init` on the thread that calls readline.
enum ReadlineCallbacks {
    /// The slash commands Tab completes.
    nonisolated(unsafe) static var completions: [String] = []

    /// Points readline at the callbacks below.
    static func install(completions words: [String]) {
        completions = words
        rl_attempted_completion_function = completeSlashCommand
        rl_event_hook = pollForSignals
        rl_set_keyboard_input_timeout(50_000)  // run the hook every 50 ms while waiting
    }

    /// The words a slash-command prefix completes to, and the text readline should insert.
    static func matches(for prefix: String, in words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    /// The longest common prefix of `words`, by Unicode scalars.
    static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for word in words.dropFirst() {
            let scalars = Array(word.unicodeScalars)
            var length = 0
            while length < min(prefix.count, scalars.count), prefix[length] == scalars[length] { length += 1 }
            prefix.removeSubrange(length...)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: prefix)
        return String(result)
    }
}

/// readline's attempted-completion callback: slash commands at the start of the line, nothing else.
private func completeSlashCommand(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    rl_completion_append_character = 0  // "/qu" becomes "/quit", not "/quit "
    guard start == 0, let text, text.pointee == CChar(UInt8(ascii: "/")) else { return nil }
    let found = ReadlineCallbacks.matches(for: String(cString: text), in: ReadlineCallbacks.completions)
    guard !found.isEmpty else { return nil }
    // readline's format: the text to insert, then every match, then NULL; it frees them all.
    let entries = found.count == 1 ? found : [ReadlineCallbacks.commonPrefix(of: found)] + found
    guard let array = malloc((entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    else { return nil }
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
}

/// readline's event hook, run about every 50 ms while it waits for a key: makes readline
/// return when a signal was recorded (even one that arrived just before readline started).
/// readline then accepts the partial line as if Enter were pressed, moving to a new line;
/// the editor reports the signal and discards that text.
private func pollForSignals() -> Int32 {
    if SignalMonitor.hasPendingSignal { rl_done = 1 }
    return 0
}
