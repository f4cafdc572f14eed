namespace EntityExtraction.Training.Learning;

/// <summary>A smooth function to minimise: returns f(x) and writes ∇f(x) into <c>gradient</c>.</summary>
internal delegate double DifferentiableFunction(double[] x, double[] gradient);

/// <summary>One accepted L-BFGS step, as reported to the caller.</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="Value">The objective at the new point, L1 term included.</param>
/// <param name="GradientNorm">Euclidean norm of the (pseudo-)gradient at the new point.</param>
/// <param name="Step">The accepted step length along the search direction.</param>
/// <param name="Evaluations">Function evaluations so far, line searches included.</param>
/// <param name="Point">The new point; valid only during the callback (the minimiser reuses the buffer).</param>
internal sealed record LbfgsIteration(int Iteration, double Value, double GradientNorm, double Step, int Evaluations, double[] Point);

internal enum LbfgsStop
{
    /// <summary>The gradient or the relative decrease of the objective fell under its tolerance.</summary>
    Converged,

    /// <summary>The iteration budget was spent.</summary>
    MaxIterations,

    /// <summary>No step along the steepest-descent direction decreased the objective (usually: at machine precision).</summary>
    LineSearchFailed,

    /// <summary>The caller's callback asked to stop.</summary>
    Stopped,
}

internal sealed record LbfgsResult(LbfgsStop Reason, int Iterations, int Evaluations, double Value);

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., algorithm 7.4: the two-loop
/// recursion with the initial scaling γ = sᵀy / yᵀy) with a line search that enforces the strong Wolfe conditions
/// (algorithms 3.5 and 3.6, cubic interpolation in the zoom). With <see cref="L1"/> &gt; 0 it is OWL-QN (Andrew &amp;
/// Gao, ICML 2007): it minimises f(x) + L1·‖x‖₁ with the pseudo-gradient, a direction kept in the orthant the
/// pseudo-gradient points to, and a backtracking line search that projects every trial point onto that orthant.
/// </summary>
/// <remarks>
/// Deterministic: vector reductions run in parallel over fixed blocks whose partial sums are added in block order,
/// so the result does not depend on the number of threads. Memory: 5 vectors of x's length (x, gradient, direction,
/// trial point, trial gradient; one more with L1 for the pseudo-gradient) plus 2·<see cref="Memory"/> history vectors.
/// </remarks>
internal sealed class LbfgsMinimizer
{
    private const double SufficientDecrease = 1e-4; // c1 of the Armijo condition
    private const double Curvature = 0.9;           // c2 of the strong Wolfe conditions, the usual value for quasi-Newton
    private const int Block = 1 << 15;

    /// <summary>Correction pairs kept (m).</summary>
    public int Memory { get; init; } = 6;

    /// <summary>Weight of the L1 term; 0 is plain L-BFGS.</summary>
    public double L1 { get; init; }

    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when ‖g‖ ≤ this · max(1, ‖x‖).</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Stop when the objective fell by less than this fraction over the last <see cref="DecreasePeriod"/> iterations (0: never).</summary>
    public double RelativeDecrease { get; init; } = 1e-6;

    public int DecreasePeriod { get; init; } = 10;

    /// <summary>Function evaluations one line search may spend.</summary>
    public int MaxLineSearchEvaluations { get; init; } = 20;

    /// <summary>
    /// Minimises from <paramref name="x"/>, which holds the final point on return (during the minimisation the
    /// current point is <see cref="LbfgsIteration.Point"/>).
    /// </summary>
    /// <param name="x">The starting point; overwritten.</param>
    /// <param name="function">The smooth part of the objective (the L1 term is added here).</param>
    /// <param name="onIteration">Called after every accepted step; returning false stops the minimisation.</param>
    public LbfgsResult Minimize(double[] x, DifferentiableFunction function, Func<LbfgsIteration, bool>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(function);
        if (Memory < 1) throw new InvalidOperationException($"L-BFGS needs at least one correction pair (Memory = {Memory}).");
        if (L1 < 0) throw new InvalidOperationException($"The L1 weight cannot be negative (L1 = {L1}).");
        int n = x.Length;
        var caller = x;
        var g = new double[n];
        var d = new double[n];
        var xt = new double[n];
        var gt = new double[n];
        var pg = L1 > 0 ? new double[n] : g;
        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var yy = new double[Memory];
        var a = new double[Memory];
        int stored = 0, newest = -1;

        double fx = function(x, g) + L1 * Norm1(x);
        int evaluations = 1;
        if (!double.IsFinite(fx)) throw new ArgumentException("The objective is not finite at the starting point.", nameof(x));
        if (L1 > 0) PseudoGradient(x, g, pg, L1);
        var values = new List<double> { fx };
        var (gradientNorm, pointNorm) = Norms(pg, x);
        if (gradientNorm <= GradientTolerance * Math.Max(1, pointNorm)) return new LbfgsResult(LbfgsStop.Converged, 0, evaluations, fx);

        int Slot(int k) => (newest - k + Memory) % Memory; // k-th newest pair
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // Search direction d = −H·pg by the two-loop recursion over the stored pairs, newest first then oldest
            // first. Each update of d also computes the next loop's dot product with the updated d, in one pass.
            double slope;
            if (stored == 0)
            {
                slope = ScaleThenDot(pg, -1, d, pg);
            }
            else
            {
                double dot = ScaleThenDot(pg, -1, d, s[Slot(0)]);
                for (int k = 0; k < stored; k++)
                {
                    int j = Slot(k);
                    a[j] = rho[j] * dot;
                    dot = k + 1 < stored ? AxpyThenDot(-a[j], y[j], d, s[Slot(k + 1)]) : AxpyThenDot(-a[j], y[j], d, null);
                }
                dot = ScaleThenDot(d, 1 / (rho[newest] * yy[newest]), d, y[Slot(stored - 1)]);
                for (int k = stored - 1; k >= 0; k--)
                {
                    int j = Slot(k);
                    double b = rho[j] * dot;
                    dot = AxpyThenDot(a[j] - b, s[j], d, k > 0 ? y[Slot(k - 1)] : L1 > 0 ? null : pg);
                }
                if (L1 > 0)
                {
                    KeepOrthant(d, pg);
                    dot = Dot(d, pg);
                }
                slope = dot;
                if (!(slope < 0))
                {
                    // Not a descent direction (can happen with OWL-QN's projection): start over from steepest descent.
                    stored = 0;
                    slope = ScaleThenDot(pg, -1, d, pg);
                }
            }
            double initial = stored == 0 ? 1 / Math.Sqrt(-slope) : 1; // a first step of unit length

            var (found, step, ft, used) = L1 > 0
                ? Backtracking(function, x, fx, pg, d, initial, xt, gt)
                : StrongWolfe(function, x, fx, g, d, slope, initial, xt, gt);
            evaluations += used;
            if (!found)
            {
                if (stored == 0) break;
                stored = 0; // the curvature pairs misled the search: retry along steepest descent
                iteration--;
                continue;
            }

            // New correction pair from the smooth part: s = xt − x, y = gt − g (the oldest pair's storage is reused).
            int slot = (newest + 1) % Memory;
            s[slot] ??= new double[n];
            y[slot] ??= new double[n];
            var (ys, ySquared) = CorrectionPair(xt, x, gt, g, s[slot], y[slot]);
            if (ys > 1e-12 * ySquared && ys > 0)
            {
                rho[slot] = 1 / ys;
                yy[slot] = ySquared;
                newest = slot;
                stored = Math.Min(stored + 1, Memory);
            }
            else if (stored == Memory)
            {
                stored--; // the slot held the oldest pair, now overwritten
            }
            (x, xt) = (xt, x);
            (g, gt) = (gt, g);
            if (L1 == 0) pg = g;
            fx = ft;
            if (L1 > 0) PseudoGradient(x, g, pg, L1);
            values.Add(fx);

            (gradientNorm, pointNorm) = Norms(pg, x);
            if (onIteration != null && !onIteration(new LbfgsIteration(iteration, fx, gradientNorm, step, evaluations, x)))
                return Result(LbfgsStop.Stopped, iteration);
            if (gradientNorm <= GradientTolerance * Math.Max(1, pointNorm))
                return Result(LbfgsStop.Converged, iteration);
            if (RelativeDecrease > 0 && iteration >= DecreasePeriod)
            {
                double before = values[iteration - DecreasePeriod];
                if ((before - fx) / Math.Max(1, Math.Abs(fx)) < RelativeDecrease)
                    return Result(LbfgsStop.Converged, iteration);
            }
        }
        return Result(values.Count - 1 < MaxIterations ? LbfgsStop.LineSearchFailed : LbfgsStop.MaxIterations, values.Count - 1);

        // The current point moves between two buffers; the caller's array receives the last one.
        LbfgsResult Result(LbfgsStop reason, int iterations)
        {
            if (!ReferenceEquals(x, caller)) Array.Copy(x, caller, n);
            return new LbfgsResult(reason, iterations, evaluations, fx);
        }
    }

    /// <summary>
    /// A step satisfying the strong Wolfe conditions (N&amp;W algorithm 3.5: grow the step until the minimum is
    /// bracketed, then algorithm 3.6: zoom by safeguarded cubic interpolation). On return xt/gt hold the accepted
    /// point and its gradient. If the budget runs out, the best point with sufficient decrease seen is accepted.
    /// </summary>
    private (bool Found, double Step, double Value, int Evaluations) StrongWolfe(
        DifferentiableFunction function, double[] x, double f0, double[] g0, double[] d, double slope0, double initial, double[] xt, double[] gt)
    {
        int evaluations = 0;
        (double F, double Slope) Evaluate(double step)
        {
            Move(x, step, d, xt);
            double f = function(xt, gt);
            evaluations++;
            return (f, double.IsFinite(f) ? Dot(gt, d) : double.NaN);
        }

        double previous = 0, fPrevious = f0, slopePrevious = slope0;
        double step = initial;
        double lo = double.NaN, fLo = 0, slopeLo = 0, hi = 0, fHi = 0, slopeHi = 0;
        bool bracketed = false;
        while (evaluations < MaxLineSearchEvaluations)
        {
            var (f, slope) = Evaluate(step);
            if (!double.IsFinite(f) || f > f0 + SufficientDecrease * step * slope0 || (evaluations > 1 && f >= fPrevious))
            {
                (lo, fLo, slopeLo, hi, fHi, slopeHi) = (previous, fPrevious, slopePrevious, step, f, slope);
                bracketed = true;
                break;
            }
            if (Math.Abs(slope) <= -Curvature * slope0) return (true, step, f, evaluations);
            if (slope >= 0)
            {
                (lo, fLo, slopeLo, hi, fHi, slopeHi) = (step, f, slope, previous, fPrevious, slopePrevious);
                bracketed = true;
                break;
            }
            (previous, fPrevious, slopePrevious) = (step, f, slope);
            step *= 2;
        }
        if (!bracketed) return Settle(previous, fPrevious);

        while (evaluations < MaxLineSearchEvaluations)
        {
            double trial = Interpolate(lo, fLo, slopeLo, hi, fHi, slopeHi);
            var (f, slope) = Evaluate(trial);
            if (!double.IsFinite(f) || f > f0 + SufficientDecrease * trial * slope0 || f >= fLo)
            {
                (hi, fHi, slopeHi) = (trial, f, slope);
            }
            else
            {
                if (Math.Abs(slope) <= -Curvature * slope0) return (true, trial, f, evaluations);
                if (slope * (hi - lo) >= 0) (hi, fHi, slopeHi) = (lo, fLo, slopeLo);
                (lo, fLo, slopeLo) = (trial, f, slope);
            }
            if (Math.Abs(hi - lo) <= 1e-12 * Math.Max(1, Math.Abs(lo))) break;
        }
        return Settle(lo, fLo);

        // Out of budget: take the best step with sufficient decrease, if any (xt may hold another trial point).
        (bool, double, double, int) Settle(double best, double fBest)
        {
            if (!(best > 0) || !(fBest < f0)) return (false, 0, f0, evaluations);
            var (f, _) = Evaluate(best);
            return (true, best, f, evaluations);
        }
    }

    /// <summary>
    /// The minimiser of the cubic through (a, fa, ga) and (b, fb, gb) (N&amp;W eq. 3.59), kept at least a tenth of
    /// the interval away from both ends; bisection when the cubic has no minimiser.
    /// </summary>
    internal static double Interpolate(double a, double fa, double ga, double b, double fb, double gb)
    {
        double low = Math.Min(a, b), width = Math.Abs(b - a);
        double candidate = double.NaN;
        if (double.IsFinite(fb) && double.IsFinite(gb))
        {
            double d1 = ga + gb - 3 * (fa - fb) / (a - b);
            double square = d1 * d1 - ga * gb;
            if (square >= 0)
            {
                double d2 = Math.Sign(b - a) * Math.Sqrt(square);
                double denominator = gb - ga + 2 * d2;
                if (denominator != 0) candidate = b - (b - a) * (gb + d2 - d1) / denominator;
            }
        }
        if (!double.IsFinite(candidate)) return (a + b) / 2;
        return Math.Clamp(candidate, low + 0.1 * width, low + 0.9 * width);
    }

    /// <summary>
    /// OWL-QN's line search: halve the step until the point, projected onto the orthant of x (or of −pg where x is
    /// 0), decreases f + L1‖·‖₁ by the Armijo condition along the pseudo-gradient.
    /// </summary>
    private (bool Found, double Step, double Value, int Evaluations) Backtracking(
        DifferentiableFunction function, double[] x, double f0, double[] pg, double[] d, double initial, double[] xt, double[] gt)
    {
        double step = initial;
        for (int evaluations = 1; evaluations <= MaxLineSearchEvaluations; evaluations++)
        {
            Move(x, step, d, xt);
            Project(xt, x, pg);
            double f = function(xt, gt) + L1 * Norm1(xt);
            double decrease = 0;
            for (int i = 0; i < x.Length; i++) decrease += pg[i] * (xt[i] - x[i]);
            if (double.IsFinite(f) && f <= f0 + SufficientDecrease * decrease) return (true, step, f, evaluations);
            step /= 2;
        }
        return (false, 0, f0, MaxLineSearchEvaluations);
    }

    /// <summary>The pseudo-gradient of f + l1‖x‖₁ (Andrew &amp; Gao): the gradient where x ≠ 0, the smallest-norm subgradient at 0.</summary>
    internal static void PseudoGradient(double[] x, double[] g, double[] pg, double l1)
    {
        ForBlocks(x.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                if (x[i] > 0) pg[i] = g[i] + l1;
                else if (x[i] < 0) pg[i] = g[i] - l1;
                else if (g[i] + l1 < 0) pg[i] = g[i] + l1;
                else if (g[i] - l1 > 0) pg[i] = g[i] - l1;
                else pg[i] = 0;
            }
        });
    }

    // The direction keeps only the components that agree in sign with −pg.
    private static void KeepOrthant(double[] d, double[] pg)
        => ForBlocks(d.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                if (d[i] * pg[i] >= 0) d[i] = 0;
            }
        });

    // A trial coordinate that leaves the orthant of the current point (−pg's sign where x is 0) is set to 0.
    private static void Project(double[] xt, double[] x, double[] pg)
        => ForBlocks(xt.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                double orthant = x[i] != 0 ? x[i] : -pg[i];
                if (xt[i] * orthant <= 0) xt[i] = 0;
            }
        });

    /// <summary>destination = factor·a, and returns destination·other (after the update; skipped when other is null), in one pass.</summary>
    private static double ScaleThenDot(double[] a, double factor, double[] destination, double[]? other) => Reduce(a.Length, (from, to) =>
    {
        double sum = 0;
        for (int i = from; i < to; i++)
        {
            destination[i] = factor * a[i];
            if (other != null) sum += other[i] * destination[i];
        }
        return sum;
    });

    /// <summary>destination += factor·a, and returns destination·other (after the update; skipped when other is null), in one pass.</summary>
    private static double AxpyThenDot(double factor, double[] a, double[] destination, double[]? other) => Reduce(a.Length, (from, to) =>
    {
        double sum = 0;
        for (int i = from; i < to; i++)
        {
            destination[i] += factor * a[i];
            if (other != null) sum += other[i] * destination[i];
        }
        return sum;
    });

    /// <summary>s = xt − x, y = gt − g; returns (yᵀs, yᵀy), in one pass.</summary>
    private static (double Ys, double Yy) CorrectionPair(double[] xt, double[] x, double[] gt, double[] g, double[] s, double[] y)
    {
        return Reduce2(x.Length, (from, to) =>
        {
            double sy = 0, squares = 0;
            for (int i = from; i < to; i++)
            {
                s[i] = xt[i] - x[i];
                y[i] = gt[i] - g[i];
                sy += y[i] * s[i];
                squares += y[i] * y[i];
            }
            return (sy, squares);
        });
    }

    /// <summary>(‖a‖₂, ‖b‖₂) in one pass.</summary>
    private static (double A, double B) Norms(double[] a, double[] b)
    {
        var (first, second) = Reduce2(a.Length, (from, to) =>
        {
            double sa = 0, sb = 0;
            for (int i = from; i < to; i++)
            {
                sa += a[i] * a[i];
                sb += b[i] * b[i];
            }
            return (sa, sb);
        });
        return (Math.Sqrt(first), Math.Sqrt(second));
    }

    private static void Move(double[] x, double step, double[] d, double[] destination)
        => ForBlocks(x.Length, (from, to) =>
        {
            for (int i = from; i < to; i++) destination[i] = x[i] + step * d[i];
        });

    internal static double Dot(double[] a, double[] b) => Reduce(a.Length, (from, to) =>
    {
        double sum = 0;
        for (int i = from; i < to; i++) sum += a[i] * b[i];
        return sum;
    });

    private static double Norm1(double[] a) => Reduce(a.Length, (from, to) =>
    {
        double sum = 0;
        for (int i = from; i < to; i++) sum += Math.Abs(a[i]);
        return sum;
    });

    /// <summary>Two sums over the same fixed blocks, each added in block order.</summary>
    private static (double, double) Reduce2(int length, Func<int, int, (double, double)> block)
    {
        int blocks = Math.Max(1, (length + Block - 1) / Block);
        var partial = new (double, double)[blocks];
        if (blocks == 1) partial[0] = block(0, length);
        else Parallel.For(0, blocks, b => partial[b] = block(b * Block, Math.Min(length, (b + 1) * Block)));
        double first = 0, other = 0;
        foreach (var (p, q) in partial)
        {
            first += p;
            other += q;
        }
        return (first, other);
    }

    private static void ForBlocks(int length, Action<int, int> body)
    {
        int blocks = (length + Block - 1) / Block;
        if (blocks <= 1)
        {
            body(0, length);
            return;
        }
        Parallel.For(0, blocks, b => body(b * Block, Math.Min(length, (b + 1) * Block)));
    }

    /// <summary>A sum over fixed blocks, computed in parallel and added in block order: the same bits for any thread count.</summary>
    private static double Reduce(int length, Func<int, int, double> block)
    {
        int blocks = (length + Block - 1) / Block;
        if (blocks <= 1) return block(0, length);
        var partial = new double[blocks];
        Parallel.For(0, blocks, b => partial[b] = block(b * Block, Math.Min(length, (b + 1) * Block)));
        double sum = 0;
        foreach (double p in partial) sum += p;
        return sum;
    }
}
