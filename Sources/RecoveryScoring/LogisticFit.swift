import Foundation

/// A small dense logistic regression, fitted exactly: what `ModelCombiner` learns with.
enum LogisticFit {
    /// The weights minimising the logistic loss of `y` (0 or 1) on the rows of `x` (`width`
    /// values each, the last the bias input) plus `l2`/2 times the squared weights (the bias
    /// left free), by Newton's method: at most `iterations` steps, stopping when no weight moves
    /// by more than 1e-7. Each step solves its linear system by Cholesky factorisation.
    static func newton(x: [Double], y: [Double], width: Int, l2: Double, iterations: Int = 25) -> [Double] {
        precondition(x.count == y.count * width)
        var w = [Double](repeating: 0, count: width)
        var gradient = [Double](repeating: 0, count: width)
        var hessian = [Double](repeating: 0, count: width * width)
        // Raw buffers throughout: `recovery train` runs in the tests' debug build too.
        x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
            for _ in 0..<iterations {
                let moved = w.withUnsafeMutableBufferPointer { w in
                    gradient.withUnsafeMutableBufferPointer { g in
                    hessian.withUnsafeMutableBufferPointer { h -> Double? in
                        for i in 0..<width {
                            g[i] = i == width - 1 ? 0 : l2 * w[i]
                            for j in 0..<width { h[i * width + j] = i == j ? (i == width - 1 ? 1e-6 : l2) : 0 }
                        }
                        var row = 0
                        for r in 0..<y.count {
                            var z = 0.0
                            for i in 0..<width { z += w[i] * x[row + i] }
                            let p = 1 / (1 + Foundation.exp(-z))
                            let residual = p - y[r], curvature = p * (1 - p)
                            for i in 0..<width where x[row + i] != 0 {
                                let xi = x[row + i]
                                g[i] += residual * xi
                                let scaled = curvature * xi
                                // The lower triangle only: the Cholesky step reads no more.
                                for j in 0...i { h[i * width + j] += scaled * x[row + j] }
                            }
                            row += width
                        }
                        guard let step = choleskySolve(h, g, width) else { return nil }
                        var largest = 0.0
                        for i in 0..<width {
                            w[i] -= step[i]
                            largest = max(largest, abs(step[i]))
                        }
                        return largest
                    } }
                }
                guard let moved, moved >= 1e-7 else { break }
            }
        } }
        return w
    }

    /// Solves `a` · s = `b` for a symmetric positive-definite `a` (`n` × `n`, its lower triangle
    /// read), or nil when it is not positive definite.
    static func choleskySolve(_ a: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>, _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var s = Array(b)
        for i in 0..<n {
            for k in 0..<i { s[i] -= l[i * n + k] * s[k] }
            s[i] /= l[i * n + i]
        }
        for i in (0..<n).reversed() {
            for k in (i + 1)..<n { s[i] -= l[k * n + i] * s[k] }
            s[i] /= l[i * n + i]
        }
        return s
    }
}
