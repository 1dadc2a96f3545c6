import Foundation

/// Writes a team report to disk: the summary page and, unless it is one page, each call's
/// debrief page in `NAME-calls/` beside it; pages of calls no longer in the report (from an
/// earlier, larger one) are removed. Every file is replaced atomically.
public enum TeamReportFiles {
    /// Writes `report` to `output`; returns the folder of debrief pages (relative to the
    /// summary), or nil for one page.
    @discardableResult
    public static func write(_ report: TeamReport, to output: String, singleFile: Bool) throws(StorageError) -> String? {
        let name = (output as NSString).lastPathComponent
        let folder = (name as NSString).deletingPathExtension + "-calls"
        if singleFile {
            try TranscriptStore.writeAtomically(Data(TeamReportHTML.render(report).utf8), to: output)
            return nil
        }
        let directory = ((output as NSString).deletingLastPathComponent as NSString).appendingPathComponent(folder)
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw StorageError(description: "cannot create \(directory): \(error.localizedDescription)")
        }
        let pages = TeamReportHTML.debriefPages(report, summary: name)
        for page in pages { try TranscriptStore.writeAtomically(Data(page.html.utf8), to: directory + "/" + page.name) }
        let written = Set(pages.map(\.name))
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where stale.hasPrefix("call-") && stale.hasSuffix(".html") && !written.contains(stale) {
            try? FileManager.default.removeItem(atPath: directory + "/" + stale)
        }
        let summary = TeamReportHTML.render(report, layout: .summary(folder: folder, summary: name))
        try TranscriptStore.writeAtomically(Data(summary.utf8), to: output)
        return folder
    }
}
