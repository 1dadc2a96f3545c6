import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The transcripts directory misbehaving under the real binary: unwritable, a file, full; two
/// calls saving at once; the process killed mid-save. The user is told where the call went, and
/// no transcript is ever lost, overwritten by another call or half-written.
@Suite struct StorageHardeningTests {
    static let replies = ["I'm so sorry, that's on us.", "Can you walk me through what happened?"]

    /// Root ignores file permissions; tests that need a read-only folder run the program without
    /// that power (setpriv drops CAP_DAC_OVERRIDE), or are skipped where that is impossible.
    static let permissionPrefix: [String]? = {
        if geteuid() != 0 { return [] }
        let setpriv = "/usr/bin/setpriv"
        return FileManager.default.isExecutableFile(atPath: setpriv) ? [setpriv, "--bounding-set", "-dac_override,-dac_read_search"] : nil
    }()

    /// Whether this machine lets a test mount a tiny tmpfs in a private mount namespace.
    static let canMountTinyDisk: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["-m", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /mnt"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// Plays the two replies and /quit in `call`; returns the fallback transcript the call names.
    func playAndFindFallback(_ call: PlayProcess) throws -> [String: Any] {
        call.send(Self.replies.map { $0 + "\n" }.joined() + "/quit\n")
        call.closeInput()
        #expect(call.waitForExit() == 0, "\(call.errors)")
        let fallback = call.temporary + "/recovery-transcripts"
        #expect(call.errors.contains("; saving to \(fallback) instead"), "\(call.errors)")
        #expect(call.output.contains("Saved: transcript \(fallback)/"), "\(call.output.suffix(400))")
        return try #require(RecoveryBinary.transcripts(in: fallback).first)
    }

    @Test(.enabled(if: permissionPrefix != nil, "running as root without setpriv: a read-only folder cannot be made"))
    func aReadOnlyTranscriptsDirectoryFallsBackAndSaysWhere() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        chmod(directory, 0o555)
        defer { chmod(directory, 0o755) }
        let call = try PlayProcess(transcripts: directory, prefix: Self.permissionPrefix ?? [])
        let json = try playAndFindFallback(call)
        #expect(call.errors.contains("error: cannot write in \(directory): Permission denied"), "\(call.errors)")
        #expect(PlayProcess.replies(json) == Self.replies)
        #expect(json["endReason"] as? String == "quit")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aTranscriptsPathThatIsAFileFallsBackAndSaysWhere() throws {
        let blocker = RecoveryBinary.temporaryDirectory() + "/not-a-folder"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("keep me\n".utf8))
        let call = try PlayProcess(transcripts: blocker)
        let json = try playAndFindFallback(call)
        #expect(call.errors.contains("cannot create the transcripts directory \(blocker)"), "\(call.errors)")
        #expect(PlayProcess.replies(json) == Self.replies)
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "keep me\n")
    }

    /// A call whose transcript outgrows the space after the first reply: the failed saves say so
    /// and name the earlier copy, which stays whole; the program neither crashes nor hangs.
    func expectCleanFailure(_ call: PlayProcess, sourceLocation: SourceLocation = #_sourceLocation) throws {
        call.send(Self.replies[0] + "\n")
        try #require(call.waitForTurns(1), "the first reply was not saved: \(call.errors)", sourceLocation: sourceLocation)
        let file = try #require(PlayProcess.transcriptFile(in: call.transcripts), sourceLocation: sourceLocation)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let long = String(repeating: "I am so sorry, that is on us and I will fix it. ", count: 40)
        call.send((0..<6).map { _ in long + "\n" }.joined() + "/quit\n")
        call.closeInput()
        #expect(call.waitForExit() == 0, "no crash, no SIGXFSZ: \(call.errors)", sourceLocation: sourceLocation)
        #expect(call.errors.contains("the copy saved earlier (1 reply) is still at \(file)"), "\(call.errors)", sourceLocation: sourceLocation)
        #expect(call.errors.contains("error: the call could not be saved anywhere"), sourceLocation: sourceLocation)
        let after = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(after == before, "the earlier transcript is untouched, never truncated", sourceLocation: sourceLocation)
        let json = try #require(RecoveryBinary.transcripts(in: call.transcripts).first, sourceLocation: sourceLocation)
        #expect(PlayProcess.replies(json) == [Self.replies[0]], sourceLocation: sourceLocation)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: call.transcripts).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)", sourceLocation: sourceLocation)
    }

    @Test func aFileSizeLimitMakesSavesFailCleanly() throws {
        // 32 blocks of /bin/sh's (dash) 512 bytes, 16 kB: the opening and a short reply fit (a
        // graded transcript with the rubric's advice is about 13 kB); a reply of 1,900 characters,
        // kept twice (as typed and as read), does not.
        let call = try PlayProcess(wrapper: "ulimit -f 32")
        try expectCleanFailure(call)
        #expect(call.errors.contains("File too large"), "\(call.errors)")
    }

    @Test(.enabled(if: canMountTinyDisk, "needs root and unshare to mount a tiny tmpfs"))
    func aFullDiskMakesSavesFailCleanly() throws {
        let root = RecoveryBinary.temporaryDirectory()
        let disk = root + "/disk", copy = root + "/copy"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        // A private 32 kB tmpfs holds the transcripts and the fallback alike: the opening and the
        // first reply fit, a long reply does not. The mount is invisible here, so the shell copies
        // what is left on it once the call is over.
        let call = try PlayProcess(
            transcripts: disk + "/transcripts",
            wrapper: "mount -t tmpfs -o size=32k tmpfs '\(disk)' && mkdir '\(disk)/tmp' && TMPDIR='\(disk)/tmp/' \"$0\" \"$@\"; "
                + "status=$?; cp -R '\(disk)' '\(copy)'; exit $status",
            prefix: ["/usr/bin/unshare", "-m"])
        call.send(Self.replies[0] + "\n")
        #expect(call.waitForOutput("you> \(Self.replies[0])"))
        let long = String(repeating: "I am so sorry, that is on us and I will fix it. ", count: 40)
        call.send((0..<3).map { _ in long + "\n" }.joined() + "/quit\n")
        call.closeInput()
        #expect(call.waitForExit() == 0, "\(call.errors)")
        let file = try #require(PlayProcess.transcriptFile(in: copy + "/transcripts"), "\(call.errors)")
        let name = URL(fileURLWithPath: file).lastPathComponent
        #expect(call.errors.contains("No space left on device"), "\(call.errors)")
        #expect(call.errors.contains("the copy saved earlier (1 reply) is still at \(disk)/transcripts/\(name)"), "\(call.errors)")
        #expect(call.errors.contains("error: the call could not be saved anywhere"))
        let json = try #require(RecoveryBinary.transcripts(in: copy + "/transcripts").first, "the earlier copy is whole")
        #expect(PlayProcess.replies(json) == [Self.replies[0]])
        let left = (try? FileManager.default.subpathsOfDirectory(atPath: copy)) ?? []
        #expect(left.filter { $0.hasSuffix(".tmp") }.isEmpty, "no temporary files left: \(left)")
    }

    @Test func twoCallsSavingAtOnceInOneDirectoryNeverCollide() throws {
        let directory = RecoveryBinary.temporaryDirectory()
        // Start both early in a second, so that both names begin with the same second.
        while Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 1) > 0.3 { usleep(10_000) }
        let calls = try ["alpha", "bravo"].map { _ in try PlayProcess(transcripts: directory) }
        for (call, word) in zip(calls, ["alpha", "bravo"]) {
            // Replies that keep the customer on the line (empathy, no penalty) through the fourth.
            call.send((1...4).map { "\(word) I hear you \($0)\n" }.joined())
            call.closeInput()
        }
        for call in calls { #expect(call.waitForExit() == 0, "\(call.errors)") }
        let transcripts = RecoveryBinary.transcripts(in: directory)
        #expect(transcripts.count == 2, "two distinct files")
        let replies = Set(transcripts.map { PlayProcess.replies($0) })
        #expect(replies == [(1...4).map { "alpha I hear you \($0)" }, (1...4).map { "bravo I hear you \($0)" }])
        #expect(transcripts.allSatisfy { $0["endReason"] as? String == "end-of-input" })
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.filter { $0.hasSuffix(".md") }.count == 2 && names.count == 4, "\(names)")
    }

    @Test func aCallKilledWhileSavingNeverLeavesAHalfWrittenTranscript() throws {
        let long = String(repeating: "I am so sorry, that is on us and I will fix it. ", count: 40)
        for delay in [0, 20_000, 60_000, 120_000] as [UInt32] {
            let call = try PlayProcess()
            call.send(Self.replies[0] + "\n")
            try #require(call.waitForTurns(1))
            call.send((0..<30).map { _ in long + "\n" }.joined())
            usleep(delay)
            call.signal(SIGKILL)  // nothing can be handled: only the atomic rename protects the file
            call.waitForExit()
            let file = try #require(PlayProcess.transcriptFile(in: call.transcripts))
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "a complete JSON document")
            #expect(PlayProcess.replies(json).first == Self.replies[0])
        }
    }
}
