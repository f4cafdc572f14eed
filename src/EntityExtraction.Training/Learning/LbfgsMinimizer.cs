namespace EntityExtraction.Training.Learning;

/// <summary>A smooth function to minimise: returns f(x) and writes ∇f(x) into <c>gradient</c>.</summary>
internal delegate double DifferentiableFunction(double[] x, double[] gradient);

/// <summary>One accepted L-BFGS step, as reported to the caller.</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="Value">The objective at the new point, L1 term included.</param>
/// <param name="GradientNorm">Euclidean norm of the (pseudo-)gradient at the new point.</param>
/// <param name="Step">The accepted step length along the search direction.</param>
/// <param name="Evaluations">Function evaluations so far, line searches included.</param>
internal sealed record LbfgsIteration(int Iteration, double Value, double GradientNorm, double Step, int Evaluations);

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
    /// Minimises from <paramref name="x"/>, which holds the current point throughout (also while
    /// <paramref name="onIteration"/> runs) and the final one on return.
    /// </summary>
    /// <param name="x">The starting point; overwritten.</param>
    /// <param name="function">The smooth part of the objective (the L1 term is added here).</param>
    /// <param name="onIteration">Called after every accepted step; returning false stops the minimisation.</param>
    public LbfgsResult Minimize(double[] x, DifferentiableFunction function, Func<LbfgsIteration, bool>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(function);
        if (Memory < 1) throw new ArgumentOutOfRangeException(nameof(Memory), Memory, "At least one correction pair.");
        if (L1 < 0) throw new ArgumentOutOfRangeException(nameof(L1), L1, "The L1 weight cannot be negative.");
        int n = x.Length;
        var g = new double[n];
        var d = new double[n];
        var xt = new double[n];
        var gt = new double[n];
        var pg = L1 > 0 ? new double[n] : g;
        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var a = new double[Memory];
        int stored = 0, newest = -1;

        double fx = function(x, g) + L1 * Norm1(x);
        int evaluations = 1;
        if (!double.IsFinite(fx)) throw new ArgumentException("The objective is not finite at the starting point.", nameof(x));
        if (L1 > 0) PseudoGradient(x, g, pg, L1);
        var values = new List<double> { fx };
        if (Norm2(pg) <= GradientTolerance * Math.Max(1, Norm2(x))) return new LbfgsResult(LbfgsStop.Converged, 0, evaluations, fx);

        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // Search direction: d = −H·pg by the two-loop recursion over the stored pairs, newest first.
            Scale(pg, -1, d);
            for (int k = 0; k < stored; k++)
            {
                int j = (newest - k + Memory) % Memory;
                a[j] = rho[j] * Dot(s[j], d);
                Axpy(-a[j], y[j], d);
            }
            if (stored > 0) Scale(d, 1 / (rho[newest] * Dot(y[newest], y[newest])), d);
            for (int k = stored - 1; k >= 0; k--)
            {
                int j = (newest - k + Memory) % Memory;
                double b = rho[j] * Dot(y[j], d);
                Axpy(a[j] - b, s[j], d);
            }
            if (L1 > 0) KeepOrthant(d, pg);
            double slope = Dot(d, pg);
            if (!(slope < 0))
            {
                // Not a descent direction (can happen with OWL-QN's projection): start over from steepest descent.
                stored = 0;
                Scale(pg, -1, d);
                slope = Dot(d, pg);
            }
            double initial = stored == 0 ? 1 / Math.Sqrt(-slope) : 1; // a first step of unit length

            var (found, step, ft, used) = L1 > 0
                ? Backtracking(function, x, fx, pg, d, initial, xt, gt)
                : StrongWolfe(function, x, fx, g, d, slope, initial, xt, gt);
            evaluations += used;
            if (!found)
            {
                if (stored == 0) return new LbfgsResult(LbfgsStop.LineSearchFailed, iteration - 1, evaluations, fx);
                stored = 0; // the curvature pairs misled the search: retry along steepest descent
                iteration--;
                continue;
            }

            // New correction pair from the smooth part: s = xt − x, y = gt − g.
            int slot = (newest + 1) % Memory;
            s[slot] ??= new double[n];
            y[slot] ??= new double[n];
            Subtract(xt, x, s[slot]);
            Subtract(gt, g, y[slot]);
            double ys = Dot(y[slot], s[slot]);
            if (ys > 1e-12 * Dot(y[slot], y[slot]) && ys > 0)
            {
                rho[slot] = 1 / ys;
                newest = slot;
                stored = Math.Min(stored + 1, Memory);
            }
            Array.Copy(xt, x, n);
            Array.Copy(gt, g, n);
            fx = ft;
            if (L1 > 0) PseudoGradient(x, g, pg, L1);
            values.Add(fx);

            double gradientNorm = Norm2(pg);
            if (onIteration != null && !onIteration(new LbfgsIteration(iteration, fx, gradientNorm, step, evaluations)))
                return new LbfgsResult(LbfgsStop.Stopped, iteration, evaluations, fx);
            if (gradientNorm <= GradientTolerance * Math.Max(1, Norm2(x)))
                return new LbfgsResult(LbfgsStop.Converged, iteration, evaluations, fx);
            if (RelativeDecrease > 0 && iteration >= DecreasePeriod)
            {
                double before = values[iteration - DecreasePeriod];
                if ((before - fx) / Math.Max(1, Math.Abs(fx)) < RelativeDecrease)
                    return new LbfgsResult(LbfgsStop.Converged, iteration, evaluations, fx);
            }
        }
        return new LbfgsResult(LbfgsStop.MaxIterations, MaxIterations, evaluations, fx);
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

    private static void Move(double[] x, double step, double[] d, double[] destination)
        => ForBlocks(x.Length, (from, to) =>
        {
            for (int i = from; i < to; i++) destination[i] = x[i] + step * d[i];
        });

    private static void Subtract(double[] a, double[] b, double[] destination)
        => ForBlocks(a.Length, (from, to) =>
        {
            for (int i = from; i < to; i++) destination[i] = a[i] - b[i];
        });

    private static void Scale(double[] a, double factor, double[] destination)
        => ForBlocks(a.Length, (from, to) =>
        {
            for (int i = from; i < to; i++) destination[i] = factor * a[i];
        });

    private static void Axpy(double factor, double[] a, double[] destination)
        => ForBlocks(a.Length, (from, to) =>
        {
            for (int i = from; i < to; i++) destination[i] += factor * a[i];
        });

    internal static double Dot(double[] a, double[] b) => Reduce(a.Length, (from, to) =>
    {
        double sum = 0;
        for (int i = from; i < to; i++) sum += a[i] * b[i];
        return sum;
    });

    internal static double Norm2(double[] a) => Math.Sqrt(Dot(a, a));

    private static double Norm1(double[] a) => Reduce(a.Length, (from, to) =>
    {
        double sum = 0;
        for (int i = from; i < to; i++) sum += Math.Abs(a[i]);
        return sum;
    });

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
