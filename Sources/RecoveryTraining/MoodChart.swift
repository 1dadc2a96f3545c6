import Foundation

/// An inline SVG line chart of a mood trace, turning points marked; no scripts, no fonts fetched.
public enum MoodChart {
    /// The chart as an `<svg>` element, `width` × `height` user units.
    public static func svg(_ trace: MoodTrace, width: Int = 640, height: Int = 200) -> String {
        let left = 58.0, right = 16.0, top = 12.0, bottom = 28.0
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        let steps = max(1, trace.points.count - 1)
        func x(_ turn: Int) -> Double { left + plotWidth * Double(turn) / Double(steps) }
        func y(_ mood: Int) -> Double { top + plotHeight * (1 - Double(min(10, max(0, mood))) / 10) }
        var out = ["<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"Customer mood by reply, 0 calm to 10 gone\">"]
        for mood in stride(from: 0, through: 10, by: 5) {
            out.append("<line x1=\"\(f(left))\" y1=\"\(f(y(mood)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(mood)))\" stroke=\"#ddd\"/>")
            let label = mood == 0 ? "0 calm" : mood == 10 ? "10 gone" : "5"
            out.append("<text x=\"2\" y=\"\(f(y(mood) + 4))\">\(label)</text>")
        }
        for point in trace.points {
            out.append("<text x=\"\(f(x(point.turn) - 3))\" y=\"\(height - 8)\">\(point.turn)</text>")
        }
        let line = trace.points.map { "\(f(x($0.turn))),\(f(y($0.mood)))" }.joined(separator: " ")
        out.append("<polyline fill=\"none\" stroke=\"#4a7bd0\" stroke-width=\"2\" points=\"\(line)\"/>")
        let turning = Dictionary(uniqueKeysWithValues: trace.turningPoints.map { ($0.turn, $0) })
        for point in trace.points {
            let title: String
            if let mark = turning[point.turn] {
                let colour = mark.to < mark.from ? "#1b7a2e" : "#b3261e"
                title = "Reply \(point.turn): mood \(mark.from) → \(mark.to), \(mark.summary): “\(mark.reply)”"
                out.append("<circle cx=\"\(f(x(point.turn)))\" cy=\"\(f(y(point.mood)))\" r=\"7\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            } else {
                title = point.turn == 0 ? "Start: mood \(point.mood)" : "Reply \(point.turn): mood \(point.mood)"
            }
            out.append("<circle cx=\"\(f(x(point.turn)))\" cy=\"\(f(y(point.mood)))\" r=\"3.5\" fill=\"#4a7bd0\"><title>\(HTMLText.escape(title))</title></circle>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
