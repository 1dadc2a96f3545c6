#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor that is not a terminal (a pipe or a file).
///
/// It never prints: the caller decides whether to echo the prompt. Bytes are read with
/// `read(2)` so that signals interrupt the wait; see `LineAssembler` for how a line is cleaned.
public final class PlainLineReader: LineReading {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var bufferStart = 0
    private var bufferEnd = 0
    private var assembler: LineAssembler
    private var reachedEnd = false
    private var skippingInterruptedLine = false

    /// Reads from `input` (standard input by default); installs `SignalMonitor` if needed.
    public convenience init(input: Int32 = 0) {
        self.init(input: input, maximumLineBytes: LineAssembler.defaultMaximumBytes)
    }

    init(input: Int32, maximumLineBytes: Int, bufferSize: Int = 64 * 1024) {
        descriptor = input
        buffer = [UInt8](repeating: 0, count: bufferSize)
        assembler = LineAssembler(maximumBytes: maximumLineBytes)
        SignalMonitor.install()
    }

    /// Waits for the next line; the prompt is ignored (the caller prints it if it wants).
    public func readLine(prompt: String) -> LineInput {
        if let signal = SignalMonitor.pendingTermination { return .terminated(signal: signal) }
        // A Ctrl-C between prompts (say, a quick second press) is reported, not lost.
        if SignalMonitor.takeInterrupt() { return .interrupted(discardedText: false) }
        let stopwatch = Stopwatch()
        while true {
            if bufferStart < bufferEnd {
                if consumeBuffered() { return .line(assembler.finish(), latency: stopwatch.elapsedSeconds) }
                continue
            }
            if reachedEnd {
                skippingInterruptedLine = false
                if assembler.hasContent { return .line(assembler.finish(), latency: stopwatch.elapsedSeconds) }
                return .endOfInput
            }
            if let signal = SignalMonitor.pendingTermination { return .terminated(signal: signal) }
            if SignalMonitor.takeInterrupt() {
                let discarded = assembler.hasContent
                assembler.reset()
                skippingInterruptedLine = discarded
                return .interrupted(discardedText: discarded)
            }
            fill()
        }
    }

    /// Feeds buffered bytes to the assembler; true when a whole line has been gathered.
    private func consumeBuffered() -> Bool {
        let (consumed, lineEnded) = buffer.withUnsafeBufferPointer { whole in
            let pending = UnsafeBufferPointer(rebasing: whole[bufferStart..<bufferEnd])
            if skippingInterruptedLine {
                guard let newline = pending.firstIndex(of: UInt8(ascii: "\n")) else { return (pending.count, false) }
                skippingInterruptedLine = false
                return (newline + 1, false)
            }
            return assembler.feed(pending)
        }
        bufferStart += consumed
        return lineEnded
    }

    /// Waits (at most 100 ms, so a signal is never missed) and reads what is available.
    private func fill() {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, 100)
        if ready == 0 || (ready < 0 && (errno == EINTR || errno == EAGAIN)) { return }
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            bufferStart = 0
            bufferEnd = count
        } else if count == 0 || (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
            reachedEnd = true
        }
    }
}
